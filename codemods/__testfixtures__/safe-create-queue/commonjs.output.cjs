'use strict';

const PgBoss = require('pg-boss');
const config = require('./config');
const { safeCreateQueue } = require('pg-boss-safe-create-queue');

const boss = new PgBoss(config.databaseUrl);

async function main() {
  await boss.start();
  await safeCreateQueue(boss, 'emails');
}

module.exports = { main };
