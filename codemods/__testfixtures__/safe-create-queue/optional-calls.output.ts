import type { PgBoss } from 'pg-boss';
import { safeCreateQueue, ensureQueue } from 'pg-boss-safe-create-queue';

export async function declare(boss: PgBoss | undefined) {
  await (boss == null ? undefined : safeCreateQueue(boss, 'emails'));
  return (boss == null ? undefined : ensureQueue(boss, 'sms').then(() => 'ready'));
}

// `createQueue?.()` runs nothing when the method is missing: the rewrite tests the method, not the receiver.
export async function declareIfSupported(boss: PgBoss, services: { boss?: PgBoss }) {
  await (boss.createQueue == null ? undefined : safeCreateQueue(boss, 'push'));
  return (services.boss?.createQueue == null ? undefined : ensureQueue(services.boss, 'webhooks'));
}

// Keeping the short-circuit would call connect() twice: left for a person.
export async function declareOnFreshConnection(connect: () => { boss?: PgBoss }) {
  // TODO(pg-boss-codemod): not rewritten to safeCreateQueue from 'pg-boss-safe-create-queue': a rewrite of this optional call would evaluate its receiver twice; store the receiver in a variable first.
  await connect().boss?.createQueue('once');
}
