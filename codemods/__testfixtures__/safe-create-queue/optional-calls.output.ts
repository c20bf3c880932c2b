import type { PgBoss } from 'pg-boss';
import { safeCreateQueue } from 'pg-boss-safe-create-queue';

export async function declare(boss: PgBoss | undefined) {
  await (boss == null ? undefined : safeCreateQueue(boss, 'emails'));
  // TODO(pg-boss-codemod): this optional createQueue call continues the chain, so it cannot become safeCreateQueue (from 'pg-boss-safe-create-queue') without changing when it runs; rewrite it by hand.
  return boss?.createQueue('sms').then(() => 'ready');
}
