import { PgBoss } from 'pg-boss';

const boss = new PgBoss('postgres://localhost/app');

// Our own, older helper with the same name.
function safeCreateQueue(name: string) {
  return boss.getQueue(name);
}

export async function boot() {
  await safeCreateQueue('emails');
  await boss.createQueue('emails');
}
