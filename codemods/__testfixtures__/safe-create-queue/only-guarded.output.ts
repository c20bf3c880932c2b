import { PgBoss } from 'pg-boss';

const boss = new PgBoss('postgres://localhost/app');

export async function boot(name: string) {
  if (!(await boss.getQueue(name))) {
    await boss.createQueue(name);
  }
  try {
    await boss.createQueue('sms');
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
  }
}
