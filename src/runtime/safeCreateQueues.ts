import { reconcileQueue } from './reconcileQueue';
import { Deadline } from './deadline';
import { QueueDeclarationError, QueueDriftError } from './errors';
import { orderByDeadLetter, undeclaredDeadLetters } from './orderByDeadLetter';
import { prepareDeclarations } from './prepareDeclarations';
import { QueueCall } from './queueCall';
import { listQueues, readQueue } from './queueReads';
import type { PgBossInstance, QueueDeclarations, QueueOutcome, SafeCreateQueueSettings } from './types';

/**
 * Declares an app's queues in one place. Everything is checked before anything is written; existing
 * queues are confirmed with one getQueues call (not one round trip per queue); dead-letter queues are
 * created before the queues that name them. With `onDrift: 'error'` every queue is still created first,
 * then one QueueDriftError lists all differences; with `'recreate'`, a queue that cannot be recreated
 * does not stop the others, and one QueueDriftError lists every refusal at the end. Outcomes come in
 * declaration order.
 */
export async function safeCreateQueues(
  boss: PgBossInstance,
  declarations: QueueDeclarations,
  settings: SafeCreateQueueSettings = {},
): Promise<QueueOutcome[]> {
  const deadline = Deadline.of(settings);
  const prepared = await prepareDeclarations(boss, declarations, settings, deadline);
  const call = new QueueCall(prepared.boss, prepared.capabilities, settings, deadline);
  const order = orderByDeadLetter(prepared.queues);
  const external = undeclaredDeadLetters(prepared.queues);
  const listed = await listQueues(call, [...order, ...external.keys()]);
  for (const [deadLetter, queue] of external) {
    if (!listed.has(deadLetter) && !(await readQueue(call, deadLetter))) {
      throw new QueueDeclarationError(
        `Queue "${queue}" names deadLetter "${deadLetter}", which is neither declared nor existing.`,
      );
    }
  }

  const outcomes = new Map<string, QueueOutcome>();
  const refused: QueueDriftError[] = [];
  for (const name of order) {
    const desired = prepared.queues.get(name)!;
    try {
      // Absent from the list means absent or cut from it; creating is safe either way.
      outcomes.set(name, await reconcileQueue(call, name, desired, listed.get(name) ?? null));
    } catch (error) {
      if (!(settings.onDrift === 'recreate' && error instanceof QueueDriftError)) throw error;
      refused.push(error);
    }
  }
  if (refused.length > 0) {
    throw new QueueDriftError(
      refused.flatMap((error) => error.queues),
      refused.map((error) => error.message.split(':\n')[0]).join('; '),
    );
  }
  const ordered = [...prepared.queues.keys()].map((name) => outcomes.get(name)!);
  const drifted = ordered.filter((outcome) => outcome.drift.length > 0);
  if (settings.onDrift === 'error' && drifted.length > 0)
    throw new QueueDriftError(drifted.map(({ name, drift }) => ({ name, drift })));
  return ordered;
}
