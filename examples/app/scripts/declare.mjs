// Boots the app's queue declarations once, as every process of the app does at start.
import { createBoss } from '../src/boss.mjs';
import { declareQueues } from '../src/queues.mjs';

const boss = createBoss(process.env.DATABASE_URL, process.env.PG_BOSS_SCHEMA);
boss.on('error', (error) => console.error(error));
await boss.start();
try {
  await declareQueues(boss);
  console.log('queues declared');
} finally {
  await boss.stop({ graceful: false, wait: true, close: true, destroy: true });
}
