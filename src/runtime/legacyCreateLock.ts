import type { Capabilities } from './capabilities';
import type { PgBossLike } from './types';

interface PoolClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
  release(): void;
}
interface Pool {
  connect(): Promise<PoolClient>;
  options?: { max?: number };
}

/**
 * Runs `create` while holding a session advisory lock, on pg-boss 10.x only, so that concurrent creates
 * from every process using this helper queue up instead of deadlocking. 10.x takes no lock of its own
 * (11+ do), and each deadlock costs PostgreSQL's deadlock_timeout (1 s) before one side is cancelled:
 * without this, 20 processes declaring 20 queues took 18 s. The lock is held on a connection of the
 * instance's own pool while createQueue runs on another, so it needs a pool of at least two; otherwise,
 * and for instances built on a custom `db`, `create` runs unlocked and deadlocks are only retried.
 * PostgreSQL releases the lock by itself if the connection is lost.
 */
export async function withLegacyCreateLock<T>(
  boss: PgBossLike,
  capabilities: Capabilities,
  create: () => Promise<T>,
): Promise<T> {
  const pool = capabilities.legacy ? (boss.getDb() as { pool?: Pool }).pool : undefined;
  if (!pool || typeof pool.connect !== 'function' || (pool.options?.max ?? 10) < 2) return create();
  const key = `pg-boss-create-queue:${capabilities.schema}`;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      return await create();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    client.release();
  }
}
