import PgBoss = require('pg-boss');
import { safeCreateQueue } from 'pg-boss-safe-create-queue';

const boss = new PgBoss('postgres://localhost/app');

export async function main() {
  await safeCreateQueue(boss, 'emails');
}
