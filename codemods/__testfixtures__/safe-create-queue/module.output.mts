import { PgBoss } from 'pg-boss';
import { safeCreateQueue } from 'eslint-plugin-pg-boss/runtime';

export const boss = new PgBoss('postgres://localhost/app');
await safeCreateQueue(boss, 'emails')
