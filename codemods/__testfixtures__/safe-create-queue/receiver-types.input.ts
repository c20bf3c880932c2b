// Receivers typed narrower than a pg-boss instance so that tests can pass a fake (issue 10, item 3):
// the helpers also call getQueue and friends, so these calls stay, each under one TODO comment.
import type { PgBoss } from 'pg-boss';

export async function registerJobQueues(boss: Pick<PgBoss, 'createQueue'>) {
  await boss.createQueue('reckoning', { retryLimit: 3 });
}

export function ensureScanQueue(boss: Readonly<{ createQueue(name: string): Promise<void> }> | null) {
  return boss?.createQueue('scan');
}

export class Jobs {
  constructor(
    private readonly pgBoss: Pick<PgBoss, 'createQueue' | 'work'>,
    private readonly fullBoss: Pick<PgBoss, 'createQueue' | 'getQueue' | 'getQueues' | 'updateQueue' | 'deleteQueue'>,
  ) {}

  async init(optionalBoss: Partial<PgBoss>) {
    await this.pgBoss.createQueue('jobs');
    await this.fullBoss.createQueue('full');
    await optionalBoss.createQueue?.('optional');
  }
}

// A class member gets the comment above itself, not above its class.
export class Registry {
  constructor(private readonly boss: Pick<PgBoss, 'createQueue'>) {}

  readonly declare = (name: string) => this.boss.createQueue(name);
}

// Two calls left in one statement share one comment.
export async function declareBoth(boss: Pick<PgBoss, 'createQueue'>, pgBoss: { createQueue(name: string): Promise<void> }) {
  await Promise.all([boss.createQueue('a'), pgBoss.createQueue('b')]);
}
