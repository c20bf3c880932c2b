// One registry of queues, declared in a loop at boot: the shape of qrkks/pgboss-tasks
// src/queues/index.ts and twangodev/rybbit server/src/services/import/workers/queues.ts.
import { PgBoss, type Queue } from 'pg-boss';

export const QUEUES = {
  emails: { retryLimit: 5, deadLetter: 'emails_dlq' },
  emails_dlq: {},
  reports: { policy: 'singleton', expireInSeconds: 3600 },
} satisfies Record<string, Omit<Queue, 'name'>>;

export type QueueName = keyof typeof QUEUES;

export async function declareQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue('emails_dlq');
  for (const [name, options] of Object.entries(QUEUES)) {
    await boss.createQueue(name, options);
  }
}
