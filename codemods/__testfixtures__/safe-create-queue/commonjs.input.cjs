'use strict';

const PgBoss = require('pg-boss');
const config = require('./config');

const boss = new PgBoss(config.databaseUrl);

async function main() {
  await boss.start();
  await boss.createQueue('emails');
}

module.exports = { main };
