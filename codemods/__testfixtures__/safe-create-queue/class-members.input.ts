import { PgBoss } from 'pg-boss';

export class QueueService {
  #boss: PgBoss;

  constructor(private readonly boss: PgBoss) {
    this.#boss = boss;
  }

  async init() {
    await this.boss.createQueue('reports', {
      policy: 'singleton',
      retryLimit: 3,
      // Reports may take a while.
      expireInSeconds: 3600,
    });
    await this.#boss.createQueue('exports');
  }
}
