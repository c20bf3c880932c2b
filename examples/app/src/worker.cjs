'use strict';

const { PgBoss } = require('pg-boss');

async function startWorker(connectionString) {
  const boss = new PgBoss(connectionString);
  await boss.start();

  // Already guarded: an existing queue is fine, anything else is rethrown.
  try {
    await boss.createQueue('webhooks');
  } catch (error) {
    if (error.code !== '23505') throw error;
  }

  await boss.createQueue('notifications', { retryDelay: 30 });
  return boss;
}

module.exports = { startWorker };
