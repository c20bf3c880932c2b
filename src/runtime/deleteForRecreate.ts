import type { StoredQueue } from './compareQueue';
import { QueueDriftError } from './errors';
import type { QueueCall } from './queueCall';
import { quoteIdentifier } from './quoteIdentifier';
import type { QueueDrift } from './types';
import { poolOf, withPoolClient, type PoolClient } from './withPoolClient';

/** `deleted`: gone, ready to be created again. `changed`: another process changed or deleted it first; read it again. */
export type RecreateDeletion = 'deleted' | 'changed';

/**
 * Deletes a drifted queue for `onDrift: 'recreate'`, in one transaction that first shuts producers out
 * and then proves the queue holds no job and is no other queue's dead letter, so that no job whose
 * `send()` returned an id is ever deleted.
 *
 * Producers are shut out by locks they must pass to commit: a job's insert checks the queue row through
 * the `q_fkey` foreign key (at commit; it is deferred), which waits on this transaction's row lock and
 * then fails, so that `send()` rejects rather than acknowledging a job that is about to be deleted. A
 * queue with a table of its own (every queue on 10.x, `partition: true` on 11+) has the table and `job`
 * locked first, in the order inserts of the installed version take them, so dropping the table never
 * deadlocks with an insert.
 * Jobs that committed before the lock are then visible, and refuse the recreate.
 */
export async function deleteForRecreate(
  call: QueueCall,
  name: string,
  stored: StoredQueue,
  drift: QueueDrift[],
): Promise<RecreateDeletion> {
  const pool = poolOf(call.boss);
  if (!pool) {
    throw new QueueDriftError(
      [{ name, drift }],
      `Queue "${name}" was not recreated: that needs the instance's own pg pool to lock out producers, and this instance runs on a custom db`,
    );
  }
  const operation = `deleteQueue("${name}") for onDrift 'recreate'`;
  return call.retry(name, operation, () =>
    withPoolClient(pool, call.deadline, operation, (client) =>
      inTransaction(call, client, operation, (query) => deleteUnlessUsed(call, query, name, stored, drift)),
    ),
  );
}

type Query = (text: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function inTransaction<T>(
  call: QueueCall,
  client: PoolClient,
  operation: string,
  work: (query: Query) => Promise<T>,
): Promise<T> {
  const query: Query = async (text, values) => (await call.deadline.wait(operation, client.query(text, values))).rows;
  // A whole number of milliseconds, never 0 (which would mean no limit). On any failure withPoolClient
  // destroys the connection, which rolls the transaction back without waiting on the server.
  await query(`BEGIN; SET LOCAL lock_timeout = ${Math.max(1, call.deadline.remainingMs())}`);
  const result = await work(query);
  await query('COMMIT');
  return result;
}

async function deleteUnlessUsed(
  call: QueueCall,
  query: Query,
  name: string,
  stored: StoredQueue,
  drift: QueueDrift[],
): Promise<RecreateDeletion> {
  const { schema, columns } = call.capabilities;
  const queueTable = `${quoteIdentifier(schema)}.queue`;
  const jobTable = `${quoteIdentifier(schema)}.job`;
  const [placement] = await query(
    columns.has('partition_name')
      ? `SELECT partition_name AS own_table FROM ${queueTable} WHERE name = $1`
      : `SELECT CASE WHEN partition THEN table_name END AS own_table FROM ${queueTable} WHERE name = $1`,
    [name],
  );
  if (!placement) return 'changed';
  if (typeof placement.own_table === 'string') {
    const ownTable = `${quoteIdentifier(schema)}.${quoteIdentifier(placement.own_table)}`;
    // Locked in the order inserts take them (LOCK TABLE locks its list in order), or the drop deadlocks
    // with a send (40P01): 10.x inserts into job, which routes the row to the queue's partition; 11+
    // insert into the queue's table directly, and reach job after it.
    const tables = call.capabilities.legacy ? [jobTable, ownTable] : [ownTable, jobTable];
    await query(`LOCK TABLE ONLY ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
  }
  // The row as it was compared: a process that recreated or updated it meanwhile has changed its timestamps.
  const [locked] = await query(
    `SELECT extract(epoch FROM created_on) * 1000 AS created, extract(epoch FROM updated_on) * 1000 AS updated
     FROM ${queueTable} WHERE name = $1 FOR UPDATE`,
    [name],
  );
  if (!locked || !sameInstant(locked.created, stored.createdOn) || !sameInstant(locked.updated, stored.updatedOn)) {
    return 'changed';
  }
  const refusal = await findRefusal(query, queueTable, jobTable, name);
  if (refusal) throw new QueueDriftError([{ name, drift }], `Queue "${name}" was not recreated: ${refusal}`);
  await query(`SELECT ${quoteIdentifier(schema)}.delete_queue($1)`, [name]).catch((error: unknown) => {
    // The checks above hold under the row lock; a foreign key of a later pg-boss version would still end here.
    const code = (error as { code?: unknown }).code;
    if (code !== '23001' && code !== '23503') throw error;
    throw new QueueDriftError([{ name, drift }], `Queue "${name}" was not recreated: something still refers to it`, {
      cause: error,
    });
  });
  return 'deleted';
}

async function findRefusal(
  query: Query,
  queueTable: string,
  jobTable: string,
  name: string,
): Promise<string | undefined> {
  const [jobs] = await query(`SELECT EXISTS (SELECT 1 FROM ${jobTable} WHERE name = $1) AS found`, [name]);
  if (jobs?.found) return 'it holds jobs; drain it first or change the declaration';
  const [referrer] = await query(
    `(SELECT name, 'queue' AS kind FROM ${queueTable} WHERE dead_letter = $1 AND name <> $1 LIMIT 1)
     UNION ALL
     (SELECT name, 'job' AS kind FROM ${jobTable} WHERE dead_letter = $1 AND name <> $1 LIMIT 1)
     LIMIT 1`,
    [name],
  );
  if (!referrer) return undefined;
  return referrer.kind === 'queue'
    ? `it is the dead letter of queue "${String(referrer.name)}"; change or recreate that queue first`
    : `jobs of queue "${String(referrer.name)}" name it as their dead letter`;
}

/**
 * A stored timestamp (ms since the epoch, microseconds as a fraction) against getQueue's Date, which
 * keeps whole milliseconds; unknown shapes never match.
 */
function sameInstant(milliseconds: unknown, date: unknown): boolean {
  return date instanceof Date && Math.abs(Number(milliseconds) - date.getTime()) < 1;
}
