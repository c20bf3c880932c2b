import type { TestBoss } from './pgBossVersions';

interface PooledClient {
  query(...args: unknown[]): unknown;
}

interface Pool {
  on(event: 'acquire', listener: (client: PooledClient) => void): void;
}

/** Counts what one call sends to PostgreSQL, in statements: each is one round trip. */
export interface RoundTripCounter {
  /** The statements sent while `work` ran. */
  during(work: () => Promise<unknown>): Promise<number>;
}

/**
 * Counts every statement the instance's pg pool sends, on every connection it hands out (pool.query
 * and checked-out connections alike): the statements pg-boss sends for a call, and the helper's own,
 * including 10.x's create lock, which takes a connection of its own beside pg-boss's. Counts nothing
 * else, so the instance must have no background work (`supervise: false`, `schedule: false`).
 */
export function countRoundTrips(boss: TestBoss): RoundTripCounter {
  const { pool } = (boss as unknown as { getDb(): { pool?: Pool } }).getDb();
  if (!pool) throw new Error('Expected a started instance with its own pg pool.');
  let count = 0;
  const counted = new WeakSet<PooledClient>();
  // pg-pool emits 'acquire' each time it hands a connection out, before the statement is sent.
  pool.on('acquire', (client) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query;
    client.query = function (this: PooledClient, ...args: unknown[]) {
      count++;
      return query.apply(this, args);
    };
  });
  return {
    async during(work) {
      const before = count;
      await work();
      return count - before;
    },
  };
}
