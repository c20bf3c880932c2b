import { QueueTimeoutError } from './errors';
import type { QueueCall } from './queueCall';
import { serialisePerInstance } from './serialisePerInstance';
import { poolOf, withPoolClient } from './withPoolClient';

/**
 * Runs a 10.x `create`, which takes no lock of its own (11+ do): concurrent creates deadlock (40P01),
 * and each deadlock costs PostgreSQL's deadlock_timeout (1 s) before one side is cancelled.
 *
 * Within the process, creates on one instance run one at a time, queued before any connection is
 * taken, so they never deadlock each other nor fill the pool. Across processes, each create runs while
 * a second connection holds a transaction-level advisory lock, so a boot storm has no round of
 * deadlocks at all (taking the lock only after a first deadlock left one round: 20 processes declaring
 * 20 queues took about 1.4× as long). The lock's wait is bounded by the call's deadline
 * (`lock_timeout`), and PostgreSQL releases it when the transaction ends or the connection is lost. An
 * instance built on a custom `db`, or with a pool of one, creates unlocked and relies on retries.
 */
export async function withLegacyCreateLock<T>(call: QueueCall, create: () => Promise<T>): Promise<T> {
  if (!call.capabilities.legacy) return create();
  return serialisePerInstance(call.boss, call.deadline, async () => {
    const pool = poolOf(call.boss);
    if (!pool || (pool.options?.max ?? 10) < 2) return create();
    const lock = `the create lock of schema "${call.capabilities.schema}" (held by another process's createQueue)`;
    return withPoolClient(pool, call.deadline, 'the create lock', async (client) => {
      const { deadline } = call;
      // A whole number of milliseconds, never 0 (which would mean no limit). On any failure withPoolClient
      // destroys the connection, which ends the transaction and the lock without waiting on the server.
      await deadline.wait(lock, client.query(`BEGIN; SET LOCAL lock_timeout = ${Math.max(1, deadline.remainingMs())}`));
      await deadline
        .wait(
          lock,
          client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
            `pg-boss-create-queue:${call.capabilities.schema}`,
          ]),
        )
        .catch((error: unknown) => {
          throw (error as { code?: unknown }).code === '55P03' ? deadline.expired(lock, error) : error;
        });
      const result = await create();
      // The create committed on its own connection; a lock connection lost meanwhile changes nothing.
      await deadline.wait(lock, client.query('COMMIT')).catch((error: unknown) => {
        if (error instanceof QueueTimeoutError) throw error;
      });
      return result;
    });
  });
}
