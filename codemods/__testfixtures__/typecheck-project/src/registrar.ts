// Receivers typed narrower than a pg-boss instance, so that tests can pass a fake: issue 10, item 3,
// and the `createQueueOptions?: Omit<Queue, "name">` options of Prohst-Tech/nest-pg-boss
// src/interfaces/handler-metadata.interface.ts. The helpers need getQueue and more, so these stay.
import type { PgBoss, Queue } from 'pg-boss';

export type JobRegistrar = Pick<PgBoss, 'createQueue' | 'schedule' | 'work'>;

interface QueueCreator {
  createQueue(name: string, options?: Omit<Queue, 'name'>): Promise<void>;
}

export async function registerJobQueues(boss: Pick<PgBoss, 'createQueue'>): Promise<void> {
  await boss.createQueue('reckoning', { retryLimit: 3 });
}

export async function registerCron(registrar: JobRegistrar): Promise<void> {
  await registrar.createQueue('nightly');
  await registrar.schedule('nightly', '0 3 * * *');
}

export function ensureScanQueue(boss: { createQueue(name: string): Promise<void> }): Promise<void> {
  return boss.createQueue('scan');
}

export async function declareWith(creator: QueueCreator, pgBoss: QueueCreator | null): Promise<void> {
  await creator.createQueue('imports');
  await pgBoss?.createQueue('exports');
}
