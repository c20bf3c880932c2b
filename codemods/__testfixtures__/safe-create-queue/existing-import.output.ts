import { PgBoss } from 'pg-boss';
import { verifyQueues, safeCreateQueue } from 'eslint-plugin-pg-boss/runtime';

const boss = new PgBoss('postgres://localhost/app');

export async function boot() {
  await safeCreateQueue(boss, 'emails');
  await verifyQueues(boss, { emails: {} });
}
