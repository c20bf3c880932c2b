import { PgBossNotStartedError, QueueTimeoutError } from './errors';
import type { QueueCall } from './queueCall';
import { serialisePerInstance } from './serialisePerInstance';
import { poolOf, withPoolClient, type PoolClient } from './withPoolClient';

/**
 * How long one attempt waits in PostgreSQL's queue for the lock. Long enough that a released lock passes
 * at once to a process waiting there (polling alone leaves it free between polls); short enough that the
 * waiters together hold few of a pooler's server connections, which the holder's create needs one of:
 * with 50 ms, 24 instances waiting behind 3 server connections held them so often that 88 to 99 of 144
 * calls reached their 20 s bound (8 processes of 3 instances, PgBouncer 1.18, `default_pool_size` 3);
 * with 5 ms none did, each run taking 2.5 to 5.4 s.
 */
const LOCK_SLICE_MS = 5;
/**
 * How long a create may run under the lock. Behind a pooler with a single server connection
 * (PgBouncer's `default_pool_size = 1`) the lock's transaction holds it and the create, on another
 * connection, would wait for it until the call's bound, where plain createQueue needs only the one; a
 * create still running after this long ends the lock's transaction and finishes unlocked, any deadlock
 * with another process's create then retried. A 10.x create takes a few round trips, far less than this.
 */
const LOCK_HOLD_MS = 250;
/**
 * The pause between two attempts is random up to a bound that doubles from 10 ms to this, so that waiting
 * processes spread out rather than retry in step. Behind a pooler the pauses are what leave the holder a
 * server connection. In a boot storm of 20 processes enough of them are within an attempt at any moment
 * that a released lock still passes at once, and fewer attempts cost less: a bound of 100 ms made the
 * storm 1.10× and 1.14× as long as one wait without attempts.
 */
const MAX_PAUSE_MS = 400;

/**
 * Runs a 10.x `create`, which takes no lock of its own (11+ do): concurrent creates deadlock (40P01),
 * and each deadlock costs PostgreSQL's deadlock_timeout (1 s) before one side is cancelled.
 *
 * Within the process, creates on one instance run one at a time, queued before any connection is
 * taken, so they never deadlock each other nor fill the pool. Across processes, each create runs while
 * a second connection holds a transaction-level advisory lock, so a boot storm has no round of
 * deadlocks at all (taking the lock only after a first deadlock left one round: 20 processes declaring
 * 20 queues took about 1.4× as long).
 *
 * The lock is waited for in short attempts, each its own transaction, with the connection back in the
 * pool between them: behind a pooler in transaction mode (PgBouncer) a process that waited in one long
 * transaction held a server connection all along, and with more processes waiting than server
 * connections the holder's create found none. The attempts stop at the call's deadline. PostgreSQL
 * releases the lock when the transaction ends or the connection is lost. An instance built on a custom
 * `db`, or with a pool of one, creates unlocked and relies on retries.
 */
export async function withLegacyCreateLock<T>(call: QueueCall, create: () => Promise<T>): Promise<T> {
  if (!call.capabilities.legacy) return create();
  return serialisePerInstance(call.boss, call.deadline, async () => {
    const pool = poolOf(call.boss);
    if (!pool || (pool.options?.max ?? 10) < 2) return create();
    const lock = `the create lock of schema "${call.capabilities.schema}" (held by another process's createQueue)`;
    for (let attempt = 0; ; attempt++) {
      const outcome = await withPoolClient(pool, call.deadline, 'the create lock', (client) =>
        createIfLocked(call, lock, client, create),
      ).catch((error: unknown) => {
        if (error instanceof LostAttempt) return { busy: error.cause };
        throw error;
      });
      if ('result' in outcome) return outcome.result;
      // A pause drawn past the bound is cut to leave one last attempt before it: giving up at once ended
      // a call of timeoutMs 300 after 245 ms, while the lock could still come.
      const pause = Math.random() * Math.min(MAX_PAUSE_MS, 10 * 2 ** attempt);
      const lastPause = Math.max(0, call.deadline.remainingMs() - LOCK_SLICE_MS);
      await call.deadline.sleep(lock, Math.min(pause, lastPause), outcome.busy);
    }
  });
}

/**
 * An attempt whose connection failed before it held the lock (its backend terminated, the server restarting,
 * a pooler dropping it): nothing was done yet, so, like a lock held throughout, it is one attempt fewer, and
 * the next one on a fresh connection either gets on or fails where it connects, with the reason.
 */
class LostAttempt extends Error {
  constructor(cause: unknown) {
    super("the create lock's connection failed before the lock was held", { cause });
  }
}

/**
 * One attempt: the lock within a slice of the time left, then `create` and COMMIT; or, when another
 * process held the lock throughout, ROLLBACK, leaving the connection idle, with the lock timeout as `busy`.
 * A failure before the lock is held throws LostAttempt (the statements are fixed and need no privilege, so
 * any failure but the deadline's is the connection's).
 */
async function createIfLocked<T>(
  call: QueueCall,
  lock: string,
  client: PoolClient,
  create: () => Promise<T>,
): Promise<{ result: T } | { busy: unknown }> {
  const { deadline } = call;
  // A whole number of milliseconds, never 0 (which would mean no limit). On any failure withPoolClient
  // destroys the connection, which ends the transaction and the lock without waiting on the server.
  const sliceMs = Math.max(1, Math.min(LOCK_SLICE_MS, deadline.remainingMs()));
  // One round trip (parameters would need one statement per message). The key is the text every
  // version of the helper hashes, so that processes on older ones still exclude these.
  const key = `pg-boss-create-queue:${call.capabilities.schema}`.replaceAll("'", "''");
  try {
    const busy = await deadline
      .wait(
        lock,
        client.query(`BEGIN; SET LOCAL lock_timeout = ${sliceMs}; SELECT pg_advisory_xact_lock(hashtext('${key}'))`),
      )
      .then(
        () => undefined,
        (error: unknown) => {
          if ((error as { code?: unknown }).code === '55P03') return error;
          throw error;
        },
      );
    if (busy !== undefined) {
      await deadline.wait(lock, client.query('ROLLBACK'));
      return { busy };
    }
  } catch (error) {
    if (error instanceof QueueTimeoutError || error instanceof PgBossNotStartedError) throw error;
    throw new LostAttempt(error);
  }
  const creating = create();
  const doneWhileLocked = await settlesWithin(creating, LOCK_HOLD_MS);
  if (!doneWhileLocked) await releaseLock(call, lock, client);
  const result = await creating;
  if (doneWhileLocked) await releaseLock(call, lock, client);
  return { result };
}

/**
 * Ends the lock's transaction. The create commits on its own connection; a lock connection lost meanwhile
 * changes nothing.
 */
async function releaseLock(call: QueueCall, lock: string, client: PoolClient): Promise<void> {
  await call.deadline.wait(lock, client.query('COMMIT')).catch((error: unknown) => {
    if (error instanceof QueueTimeoutError) throw error;
  });
}

/** Whether `pending` settles within `ms`, either way. */
function settlesWithin(pending: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const settled = () => {
      clearTimeout(timer);
      resolve(true);
    };
    pending.then(settled, settled);
  });
}
