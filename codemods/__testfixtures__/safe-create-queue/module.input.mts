import { PgBoss } from 'pg-boss';

export const boss = new PgBoss('postgres://localhost/app');
await boss.createQueue('emails')
