import { declarePreparedQueues } from './declarePreparedQueues';
import { prepareDeclarations } from './prepareDeclarations';
import type { PgBossInstance, QueueDeclarations, QueueOutcome, SafeCreateQueueSettings } from './types';

/**
 * Declares an app's queues in one place. Everything is checked before anything is written; existing
 * queues are confirmed with one getQueues call (not one round trip per queue); dead-letter queues are
 * created before the queues that name them. With `onDrift: 'error'` every queue is still created first,
 * then one QueueDriftError lists all differences; with `'recreate'`, a queue that cannot be recreated does
 * not stop the others, and one QueueDriftError lists every refusal at the end. Outcomes come in
 * declaration order.
 */
export async function safeCreateQueues(
  boss: PgBossInstance,
  declarations: QueueDeclarations,
  settings?: SafeCreateQueueSettings,
): Promise<QueueOutcome[]> {
  return declarePreparedQueues(await prepareDeclarations(boss, declarations, settings));
}
