import { PgBoss } from 'pg-boss';
import { safeCreateQueue } from 'eslint-plugin-pg-boss/runtime';

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
