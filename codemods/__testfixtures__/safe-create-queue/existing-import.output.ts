import { PgBoss } from 'pg-boss';
import { verifyQueues, safeCreateQueue } from 'pg-boss-safe-create-queue';

const boss = new PgBoss('postgres://localhost/app');

export async function boot() {
  await safeCreateQueue(boss, 'emails');
  await verifyQueues(boss, { emails: {} });
}
