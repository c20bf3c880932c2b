import { PgBoss } from 'pg-boss';
import { safeCreateQueue as safeCreateQueue2 } from 'eslint-plugin-pg-boss/runtime';

const boss = new PgBoss('postgres://localhost/app');

// Our own, older helper with the same name.
function safeCreateQueue(name: string) {
  return boss.getQueue(name);
}

export async function boot() {
  await safeCreateQueue('emails');
  await safeCreateQueue2(boss, 'emails');
}
