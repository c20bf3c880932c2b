import PgBoss = require('pg-boss');
import { safeCreateQueue } from 'eslint-plugin-pg-boss/runtime';

const boss = new PgBoss('postgres://localhost/app');

export async function main() {
  await safeCreateQueue(boss, 'emails');
}
