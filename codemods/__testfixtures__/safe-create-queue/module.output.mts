import { PgBoss } from 'pg-boss';
import { safeCreateQueue } from 'pg-boss-safe-create-queue';

export const boss = new PgBoss('postgres://localhost/app');
await safeCreateQueue(boss, 'emails')
