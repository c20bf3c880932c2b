import { PgBoss } from 'pg-boss';
import { verifyQueues } from 'pg-boss-safe-create-queue';

const boss = new PgBoss('postgres://localhost/app');

export async function boot() {
  await boss.createQueue('emails');
  await verifyQueues(boss, { emails: {} });
}
