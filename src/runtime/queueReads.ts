import type { StoredQueue } from './compareQueue';
import { retryTransient } from './retryTransient';
import type { PgBossLike } from './types';

/** pg-boss 12.38 returns at most 1,000 queues per getQueues call. */
const LIST_CHUNK = 1_000;

function asStoredQueue(value: unknown): StoredQueue | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StoredQueue) : null;
}

export async function readQueue(boss: PgBossLike, name: string): Promise<StoredQueue | null> {
  return asStoredQueue(await retryTransient(`getQueue("${name}")`, () => boss.getQueue(name)));
}

/**
 * The stored queues among `names`, in one getQueues call per 1,000 names. 10.x and 12.0–12.21.1
 * ignore the names and return every queue, so the result is filtered here; a queue missing from the
 * answer may still exist (a version may cut the list short), which callers treat as "maybe absent".
 */
export async function listQueues(boss: PgBossLike, names: readonly string[]): Promise<Map<string, StoredQueue>> {
  const wanted = new Set(names);
  const found = new Map<string, StoredQueue>();
  for (let start = 0; start < names.length; start += LIST_CHUNK) {
    const chunk = names.slice(start, start + LIST_CHUNK);
    const rows = await retryTransient('getQueues', () => boss.getQueues([...chunk]));
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      const queue = asStoredQueue(row);
      if (queue && typeof queue.name === 'string' && wanted.has(queue.name)) found.set(queue.name, queue);
    }
  }
  return found;
}
