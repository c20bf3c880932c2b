import PgBoss from 'pg-boss';
import { safeCreateQueue } from 'pg-boss-safe-create-queue';

const QUEUES = ['emails', 'sms', 'push'] as const;

export async function declareAll(boss: PgBoss) {
  await Promise.all(QUEUES.map((name) => safeCreateQueue(boss, name)));

  for (const name of QUEUES) {
    await safeCreateQueue(boss, `${name}_dlq`);
  }
}
