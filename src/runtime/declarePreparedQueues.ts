import { QueueDeclarationError, QueueDriftError } from './errors';
import { orderByDeadLetter, undeclaredDeadLetters } from './orderByDeadLetter';
import type { PreparedDeclarations } from './prepareDeclarations';
import { listQueues, readQueue } from './queueReads';
import { reconcileQueue } from './reconcileQueue';
import type { QueueOutcome, SafeCreateQueueSettings } from './types';

/**
 * Makes checked declarations exist: existing queues are confirmed with one getQueues call (not one round
 * trip per queue), dead-letter queues are created before the queues that name them, and with
 * `onDrift: 'error'` every queue is still created first, then one QueueDriftError lists all differences.
 * Outcomes come in declaration order.
 */
export async function declarePreparedQueues(
  prepared: PreparedDeclarations,
  settings: SafeCreateQueueSettings,
): Promise<QueueOutcome[]> {
  const order = orderByDeadLetter(prepared.queues);
  const external = undeclaredDeadLetters(prepared.queues);
  const listed = await listQueues(prepared.boss, [...order, ...external.keys()]);
  for (const [deadLetter, queue] of external) {
    if (!listed.has(deadLetter) && !(await readQueue(prepared.boss, deadLetter))) {
      throw new QueueDeclarationError(
        `Queue "${queue}" names deadLetter "${deadLetter}", which is neither declared nor existing.`,
      );
    }
  }

  const outcomes = new Map<string, QueueOutcome>();
  for (const name of order) {
    const desired = prepared.queues.get(name)!;
    // Absent from the list means absent or cut from it; creating is safe either way.
    outcomes.set(
      name,
      await reconcileQueue(prepared.boss, prepared.capabilities, name, desired, listed.get(name) ?? null, settings),
    );
  }
  const ordered = [...prepared.queues.keys()].map((name) => outcomes.get(name)!);
  const drifted = ordered.filter((outcome) => outcome.drift.length > 0);
  if (settings.onDrift === 'error' && drifted.length > 0)
    throw new QueueDriftError(drifted.map(({ name, drift }) => ({ name, drift })));
  return ordered;
}
