import type { PgBoss } from 'pg-boss';
import { safeCreateQueue, ensureQueue } from 'pg-boss-safe-create-queue';

export async function declare(boss: PgBoss | undefined) {
  await (boss == null ? undefined : safeCreateQueue(boss, 'emails'));
  // TODO(pg-boss-codemod): not rewritten to safeCreateQueue from 'pg-boss-safe-create-queue': this optional createQueue call continues the chain, so a rewrite would change when the rest runs; rewrite it by hand.
  return boss?.createQueue('sms').then(() => 'ready');
}

// `createQueue?.()` runs nothing when the method is missing: the rewrite tests the method, not the receiver.
export async function declareIfSupported(boss: PgBoss, services: { boss?: PgBoss }) {
  await (boss.createQueue == null ? undefined : safeCreateQueue(boss, 'push'));
  return (services.boss?.createQueue == null ? undefined : ensureQueue(services.boss, 'webhooks'));
}
