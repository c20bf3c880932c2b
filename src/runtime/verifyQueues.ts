import { compareQueue } from './compareQueue';
import { prepareDeclarations } from './prepareDeclarations';
import { QueueCall } from './queueCall';
import { listQueues, readQueue } from './queueReads';
import type { PgBossInstance, QueueDeclarations, QueueVerification } from './types';

/**
 * Read-only: which declared queues are missing and which differ from their declaration. For a deploy
 * check (`if (!(await verifyQueues(boss, queues)).ok) process.exit(1)`) or a startup assertion.
 */
export async function verifyQueues(boss: PgBossInstance, declarations: QueueDeclarations): Promise<QueueVerification> {
  const prepared = await prepareDeclarations(boss, declarations);
  const call = new QueueCall(prepared.boss, prepared.capabilities, {}, prepared.deadline);
  const names = [...prepared.queues.keys()];
  const listed = await listQueues(call, names);
  const missing: string[] = [];
  const drifted: QueueVerification['drifted'] = [];
  for (const name of names) {
    const stored = listed.get(name) ?? (await readQueue(call, name));
    if (!stored) {
      missing.push(name);
      continue;
    }
    const drift = compareQueue(prepared.queues.get(name)!.desired, stored, prepared.capabilities);
    if (drift.length > 0) drifted.push({ name, drift });
  }
  return { ok: missing.length === 0 && drifted.length === 0, missing, drifted };
}
