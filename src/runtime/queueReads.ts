import { getSqlExecutor, resolveSchemaName, type SqlExecutor } from './capabilities';
import type { StoredQueue } from './compareQueue';
import type { GivenOptions } from './normalizeQueueOptions';
import type { QueueCall } from './queueCall';
import { QUEUE_OPTION_SPECS } from './queueOptionSpecs';
import { quoteIdentifier } from './quoteIdentifier';
import { runStatement } from './runStatement';

/** pg-boss 12.38 returns at most 1,000 queues per getQueues call. */
const LIST_CHUNK = 1_000;

function asStoredQueue(value: unknown): StoredQueue | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StoredQueue) : null;
}

export async function readQueue(call: QueueCall, name: string): Promise<StoredQueue | null> {
  return asStoredQueue(await call.retry(name, `getQueue("${name}")`, () => call.boss.getQueue(name)));
}

/**
 * The stored queue as far as `given` is compared with it (holdsGivenOptions, compareQueue).
 *
 * On 10.x this reads only the given options' columns, each under the key getQueue gives it, through the
 * instance's own `executeSql` (a custom `db` included; pg-boss's own gets it as a named statement, see
 * runStatement), and the same type parsers turn them into the same values. 10.x's getQueue selects all
 * ten columns and parses two timestamps into Dates: on an existing queue it cost more than plain
 * createQueue, and it was the one statement the helper sends there. Its name check needs no copy here: a queue found was created by a createQueue that accepted
 * its name, and an absent one goes to the installed createQueue, which checks it.
 *
 * The whole row is read (getQueue) where it is acted on rather than compared: `onDrift: 'update'` (10.x
 * keeps the stored policy) and `'recreate'` (its timestamps show that the row deleted is the row
 * compared); on 11+, where getQueue is cheaper than createQueue and 12.x checks the name in it; and
 * where the schema read may not be the instance's own (see readsOwnSchema).
 */
export function readQueueToCompare(call: QueueCall, name: string, given: GivenOptions): Promise<StoredQueue | null> {
  const { capabilities, settings } = call;
  if (
    !capabilities.legacy ||
    typeof name !== 'string' ||
    settings.onDrift === 'update' ||
    settings.onDrift === 'recreate'
  )
    return readQueue(call, name);
  const db = getSqlExecutor(call.boss);
  if (!readsOwnSchema(db, call)) return readQueue(call, name);
  // In the specs' order, not the caller's: one set of options is one text, so one statement per connection.
  let columns = 'name';
  for (const spec of QUEUE_OPTION_SPECS) {
    if (given.entries.has(spec.key) && capabilities.columns.has(spec.column))
      columns += `, ${spec.column} AS "${spec.key}"`;
  }
  const text = `SELECT ${columns} FROM ${quoteIdentifier(capabilities.schema)}.queue WHERE name = $1`;
  return call.retry(name, `getQueue("${name}")`, () => runStatement(db, text, [name]).then(firstRow));
}

/**
 * Whether the schema the capabilities were read from is the one the instance's getQueue reads: the
 * instance's configured schema when its `db` carries one (pg-boss's own), else the one the caller named.
 * A custom `db` without `settings.schema` leaves the default `pgboss` a guess, and another application's
 * pg-boss there would be read as this instance's queues.
 */
function readsOwnSchema(db: SqlExecutor, { capabilities, settings }: QueueCall): boolean {
  const own = db.config?.schema;
  if (typeof own !== 'string') return settings.schema !== undefined;
  // The usual case, the instance's own setting, needs no resolving.
  return own === capabilities.configured || resolveSchemaName(own) === capabilities.schema;
}

const firstRow = (rows: ReadonlyArray<Record<string, unknown>>): StoredQueue | null => rows[0] ?? null;

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
