import type { StoredQueue } from './compareQueue';
import type { QueueCall } from './queueCall';

/** pg-boss 12.38 returns at most 1,000 queues per getQueues call. */
const LIST_CHUNK = 1_000;

function asStoredQueue(value: unknown): StoredQueue | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StoredQueue) : null;
}

export async function readQueue(call: QueueCall, name: string): Promise<StoredQueue | null> {
  return asStoredQueue(await call.retry(name, `getQueue("${name}")`, () => call.boss.getQueue(name)));
}

/**
 * The stored queues among `names`, in one getQueues call per 1,000 names. 10.x and 12.0–12.21.1
 * ignore the names and return every queue, so the result is filtered here; a queue missing from the
 * answer may still exist (a version may cut the list short), which callers treat as "maybe absent".
 */
export async function listQueues(call: QueueCall, names: readonly string[]): Promise<Map<string, StoredQueue>> {
  const wanted = new Set(names);
  const found = new Map<string, StoredQueue>();
  for (let start = 0; start < names.length; start += LIST_CHUNK) {
    const chunk = names.slice(start, start + LIST_CHUNK);
    // Retry events name the first queue of the chunk.
    const rows = await call.retry(chunk[0] ?? '', 'getQueues', () => call.boss.getQueues([...chunk]));
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      const queue = asStoredQueue(row);
      if (queue && typeof queue.name === 'string' && wanted.has(queue.name)) found.set(queue.name, queue);
    }
  }
  return found;
}
