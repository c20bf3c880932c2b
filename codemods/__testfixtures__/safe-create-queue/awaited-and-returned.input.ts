// Queue declarations for the mail service.
import { PgBoss } from 'pg-boss';
import { logger } from './logger';

const boss = new PgBoss(process.env.DATABASE_URL!);

export async function declareQueues(): Promise<void> {
  await boss.createQueue('emails', { retryLimit: 5 }); // retried by SMTP too
  logger.info('queues ready');
}

export function declareDigest() {
  return boss.createQueue('digest');
}

export function declareWithThen() {
  return boss.createQueue('bounces').then(() => logger.info('bounces ready'));
}
