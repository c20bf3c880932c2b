// Receivers typed narrower than a pg-boss instance so that tests can pass a fake (issue 10, item 3):
// the helpers also call getQueue and friends, so these calls stay, each under one TODO comment.
import type { PgBoss } from 'pg-boss';
import { safeCreateQueue } from 'pg-boss-safe-create-queue';

export async function registerJobQueues(boss: Pick<PgBoss, 'createQueue'>) {
  // TODO(pg-boss-codemod): not rewritten to safeCreateQueue from 'pg-boss-safe-create-queue': `boss` is declared as `Pick<PgBoss, 'createQueue'>`, which does not guarantee getQueue, getQueues, updateQueue or deleteQueue: the helpers call them; declare it as a whole pg-boss instance, then rewrite.
  await boss.createQueue('reckoning', { retryLimit: 3 });
}

export function ensureScanQueue(boss: Readonly<{ createQueue(name: string): Promise<void> }> | null) {
  // TODO(pg-boss-codemod): not rewritten to safeCreateQueue from 'pg-boss-safe-create-queue': `boss` is declared as `Readonly<{ createQueue(name: string): Promise<void> }> | null`, which does not guarantee getQueue, getQueues, updateQueue or deleteQueue: the helpers call them; declare it as a whole pg-boss instance, then rewrite.
  return boss?.createQueue('scan');
}

export class Jobs {
  constructor(
    private readonly pgBoss: Pick<PgBoss, 'createQueue' | 'work'>,
    private readonly fullBoss: Pick<PgBoss, 'createQueue' | 'getQueue' | 'getQueues' | 'updateQueue' | 'deleteQueue'>,
  ) {}

  async init(optionalBoss: Partial<PgBoss>) {
    // TODO(pg-boss-codemod): not rewritten to safeCreateQueue from 'pg-boss-safe-create-queue': `this.pgBoss` is declared as `Pick<PgBoss, 'createQueue' | 'work'>`, which does not guarantee getQueue, getQueues, updateQueue or deleteQueue: the helpers call them; declare it as a whole pg-boss instance, then rewrite.
    await this.pgBoss.createQueue('jobs');
    await safeCreateQueue(this.fullBoss, 'full');
    // TODO(pg-boss-codemod): not rewritten to safeCreateQueue from 'pg-boss-safe-create-queue': `optionalBoss` is declared as `Partial<PgBoss>`, which does not guarantee createQueue, getQueue, getQueues, updateQueue or deleteQueue: the helpers call them; declare it as a whole pg-boss instance, then rewrite.
    await optionalBoss.createQueue?.('optional');
  }
}

// A class member gets the comment above itself, not above its class.
export class Registry {
  constructor(private readonly boss: Pick<PgBoss, 'createQueue'>) {}

  // TODO(pg-boss-codemod): not rewritten to safeCreateQueue from 'pg-boss-safe-create-queue': `this.boss` is declared as `Pick<PgBoss, 'createQueue'>`, which does not guarantee getQueue, getQueues, updateQueue or deleteQueue: the helpers call them; declare it as a whole pg-boss instance, then rewrite.
  readonly declare = (name: string) => this.boss.createQueue(name);
}

// Two calls left in one statement share one comment.
export async function declareBoth(boss: Pick<PgBoss, 'createQueue'>, pgBoss: { createQueue(name: string): Promise<void> }) {
  // TODO(pg-boss-codemod): not rewritten to safeCreateQueue from 'pg-boss-safe-create-queue': `boss` is declared as `Pick<PgBoss, 'createQueue'>`, which does not guarantee getQueue, getQueues, updateQueue or deleteQueue: the helpers call them; declare it as a whole pg-boss instance, then rewrite.
  await Promise.all([boss.createQueue('a'), pgBoss.createQueue('b')]);
}
