import PgBoss from 'pg-boss';
import { ensureQueue, safeCreateQueue } from 'pg-boss-safe-create-queue';

const QUEUES = ['emails', 'sms', 'push'] as const;

export async function declareAll(boss: PgBoss) {
  await Promise.all(QUEUES.map((name) => ensureQueue(boss, name)));

  for (const name of QUEUES) {
    await safeCreateQueue(boss, `${name}_dlq`);
  }
}
