import type { PgBoss } from 'pg-boss';

export async function declare(boss: PgBoss | undefined) {
  await boss?.createQueue('emails');
  return boss?.createQueue('sms').then(() => 'ready');
}
