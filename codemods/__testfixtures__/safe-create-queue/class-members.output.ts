import { PgBoss } from 'pg-boss';
import { safeCreateQueue } from 'pg-boss-safe-create-queue';

export class QueueService {
  #boss: PgBoss;

  constructor(private readonly boss: PgBoss) {
    this.#boss = boss;
  }

  async init() {
    await safeCreateQueue(this.boss, 'reports', {
      policy: 'singleton',
      retryLimit: 3,
      // Reports may take a while.
      expireInSeconds: 3600,
    });
    await safeCreateQueue(this.#boss, 'exports');
  }
}
