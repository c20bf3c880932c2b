// A NestJS service that declares a queue and its dead letter at module init, inside a try/catch that
// ignores errors, with the queue's own name in the options object (issue 10, item 1). The service
// shape (@Injectable, an @Inject(...) constructor parameter property, onModuleInit) is that of
// wisemen-digital/nestjs-project-template src/modules/pgboss-worker/services/worker.service.ts.
import { PgBoss, type Queue } from 'pg-boss';
import { Inject, Injectable, type OnModuleInit } from './nest.js';

export const PG_BOSS = 'PG_BOSS';

const queueOptions = { retryLimit: 4, retryBackoff: true } satisfies Omit<Queue, 'name'>;

@Injectable()
export class DeadLetterService implements OnModuleInit {
  private readonly ready = new Map<string, Promise<void>>();

  constructor(@Inject(PG_BOSS) private readonly pgBoss: PgBoss | undefined) {}

  async onModuleInit(): Promise<void> {
    const dlq = 'payments_dlq';
    const deadLetterQueue: Queue = { ...queueOptions, name: dlq };
    try {
      await this.pgBoss?.createQueue(dlq, deadLetterQueue);
      await this.pgBoss?.createQueue('payments', { ...queueOptions, deadLetter: dlq });
    } catch {
      // Declared by another instance.
    }
  }

  declare(name: string): Promise<void> | undefined {
    if (!this.pgBoss) return undefined;
    const declared = this.pgBoss.createQueue(name);
    this.ready.set(name, declared);
    return declared;
  }
}

@Injectable()
export class ReportQueueService {
  #boss = new PgBoss(process.env.DATABASE_URL ?? 'postgres://localhost/app');
  private boss!: PgBoss;

  async start(): Promise<void> {
    this.boss = this.#boss;
    await this.#boss.start();
    await this.boss.createQueue('reports', { policy: 'singleton' });
  }

  readonly declareExport = (): Promise<void> => this.#boss.createQueue('exports');
}
