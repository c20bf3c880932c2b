import { QueueDeclarationError, QueueDriftError } from './errors';
import { orderByDeadLetter, undeclaredDeadLetters } from './orderByDeadLetter';
import type { PreparedDeclarations } from './prepareDeclarations';
import { QueueCall } from './queueCall';
import { listQueues, readQueue } from './queueReads';
import { reconcileQueue } from './reconcileQueue';
import type { QueueOutcome } from './types';

/**
 * Makes checked declarations exist: existing queues are confirmed with one getQueues call (not one round
 * trip per queue), dead-letter queues are created before the queues that name them, and with
 * `onDrift: 'error'` every queue is still created first, then one QueueDriftError lists all differences.
 * With `'recreate'`, a refusal does not stop the queues after it; it is thrown at the end. Outcomes come
 * in declaration order.
 */
export async function declarePreparedQueues(prepared: PreparedDeclarations): Promise<QueueOutcome[]> {
  const { settings } = prepared;
  const call = new QueueCall(prepared.boss, prepared.capabilities, settings, prepared.deadline);
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
    const declaration = prepared.queues.get(name)!;
    try {
      // Absent from the list means absent or cut from it; creating is safe either way.
      outcomes.set(name, await reconcileQueue(call, name, declaration, listed.get(name) ?? null));
    } catch (error) {
      if (!(settings.onDrift === 'recreate' && error instanceof QueueDriftError)) throw error;
      refused.push(error);
    }
  }
  if (refused.length === 1) throw refused[0];
  if (refused.length > 1) {
    throw new QueueDriftError(
      refused.flatMap((error) => error.queues),
      `${refused.length} queues were not recreated (${refused.map((error) => error.queues[0]?.name).join(', ')}); each refusal is a QueueDriftError of its own in \`cause\``,
      { cause: new AggregateError(refused) },
    );
  }
  const ordered = [...prepared.queues.keys()].map((name) => outcomes.get(name)!);
  const drifted = ordered.filter((outcome) => outcome.drift.length > 0);
  if (settings.onDrift === 'error' && drifted.length > 0)
    throw new QueueDriftError(drifted.map(({ name, drift }) => ({ name, drift })));
  return ordered;
}
