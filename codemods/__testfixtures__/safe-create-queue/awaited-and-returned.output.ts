// Queue declarations for the mail service.
import { PgBoss } from 'pg-boss';
import { logger } from './logger';
import { safeCreateQueue, ensureQueue } from 'pg-boss-safe-create-queue';

const boss = new PgBoss(process.env.DATABASE_URL!);

export async function declareQueues(): Promise<void> {
  await safeCreateQueue(boss, 'emails', { retryLimit: 5 }); // retried by SMTP too
  logger.info('queues ready');
}

export function declareDigest() {
  return ensureQueue(boss, 'digest');
}

export function declareWithThen() {
  return ensureQueue(boss, 'bounces').then(() => logger.info('bounces ready'));
}
