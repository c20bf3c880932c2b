import {
  PgBossNotStartedError,
  PgBossPermissionError,
  PgBossSchemaNotFoundError,
  QueueDeclarationError,
} from './errors';
import type { Deadline } from './deadline';
import { isNotStartedFailure } from './isNotStartedFailure';
import { QUEUE_OPTION_SPECS } from './queueOptionSpecs';
import type { PgBossLike, SafeCreateQueueSettings } from './types';

/** What the installed pg-boss can do, read from the instance and its database. */
export interface Capabilities {
  /** The pg-boss schema the instance uses, as PostgreSQL resolves it (see resolveSchemaName). */
  readonly schema: string;
  /** The schema setting as given (`settings.schema`, else the instance's), which resolves to `schema`. */
  readonly configured: string;
  /** Columns of the `queue` table: an option is supported exactly when its column exists. */
  readonly columns: ReadonlySet<string>;
  /** The options the installed version stores, in a fixed order: exactly those whose column exists. */
  readonly storedOptions: readonly string[];
  /** 10.x: NULL means "instance default", updateQueue resets an omitted policy, unit spellings are dropped. */
  readonly legacy: boolean;
  /** The instance's own defaults for 10.x's NULL columns (`new PgBoss({ retryLimit })`). */
  readonly instanceDefaults: Readonly<Record<string, unknown>>;
}

export interface SqlExecutor {
  /** A named statement only where the executor is known to pass it to pg (see runStatement). */
  executeSql(
    text: string | NamedStatement,
    values?: unknown[],
  ): Promise<{ rows: Array<Record<string, unknown>> } | undefined>;
  config?: Record<string, unknown>;
  /** Set by 10.x on its own Db, whose executeSql hands its arguments to pg's `pool.query` as they are. */
  isOurs?: unknown;
}

/** pg's form of a prepared statement: parsed and planned once per connection, then run by name. */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
  readonly values: unknown[];
}

const DEFAULT_SCHEMA = 'pgboss';
/**
 * Per instance, per schema setting as given (`settings.schema` may differ from one call to the next):
 * the query in flight, then its answer, which later calls take without waiting for anything.
 */
const cache = new WeakMap<object, Map<string, Capabilities | Promise<Capabilities>>>();

/**
 * One read-only query per instance and schema, cached: later calls cost no round trip and no wait. The
 * answer comes from the database the instance is connected to, so a second copy of pg-boss in
 * node_modules cannot mislead it. The query is bounded by the call's deadline. Capabilities already
 * read are returned as they are, not as a promise: a call that can use them at once skips a turn of
 * the microtask queue on every call after the first.
 */
export function readCapabilities(
  boss: PgBossLike,
  settings: SafeCreateQueueSettings,
  deadline: Deadline,
): Capabilities | Promise<Capabilities> {
  const db = getSqlExecutor(boss);
  const configured = settings.schema ?? (typeof db.config?.schema === 'string' ? db.config.schema : DEFAULT_SCHEMA);
  let perSchema = cache.get(boss);
  if (!perSchema) cache.set(boss, (perSchema = new Map()));
  let known = perSchema.get(configured);
  if (!known) {
    const pending = detectCapabilities(db, configured);
    perSchema.set(configured, (known = pending));
    pending.then(
      (capabilities) => perSchema.set(configured, capabilities),
      // A failure (not started yet, connection refused) must not be remembered.
      () => perSchema.delete(configured),
    );
  }
  return known instanceof Promise ? deadline.wait('reading the pg-boss schema', known) : known;
}

export function getSqlExecutor(boss: PgBossLike): SqlExecutor {
  const db = typeof boss.getDb === 'function' ? boss.getDb() : undefined;
  if (!db || typeof (db as SqlExecutor).executeSql !== 'function') {
    throw new QueueDeclarationError('Expected a pg-boss instance (10, 11 or 12) with getDb().executeSql().');
  }
  return db as SqlExecutor;
}

/** Runs SQL through the instance's own connection, turning "not started" into an error. */
export async function runSql(
  db: SqlExecutor,
  text: string | NamedStatement,
  values?: unknown[],
): Promise<Array<Record<string, unknown>>> {
  let result;
  try {
    result = await db.executeSql(text, values);
  } catch (error) {
    if (isNotStartedFailure(error)) throw new PgBossNotStartedError({ cause: error });
    throw error;
  }
  // 10.x and 11.x resolve undefined until start() has opened the pool.
  if (!result) throw new PgBossNotStartedError();
  return result.rows;
}

/**
 * The schema name as PostgreSQL resolves it: pg-boss writes the configured name into its SQL unquoted,
 * so PostgreSQL folds it to lower case (`MySchema` is `myschema`), unless it is written in double
 * quotes, which pg-boss 12 documents (`'"MySchema"'` is `MySchema`, with `""` for a quote).
 */
export function resolveSchemaName(configured: string): string {
  if (configured.length > 1 && configured.startsWith('"') && configured.endsWith('"'))
    return configured.slice(1, -1).replaceAll('""', '"');
  // PostgreSQL folds only ASCII letters in identifiers.
  return configured.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** The columns of the queue table, and whether this role may reach it, read from the catalogs every role can read. */
const CAPABILITY_QUERY = `
SELECT a.attname AS column_name,
       current_user AS role,
       has_schema_privilege(n.oid, 'USAGE') AS can_use_schema,
       has_table_privilege(c.oid, 'SELECT') AS can_read_queue
  FROM pg_namespace n
  JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'queue'
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE n.nspname = $1`;

async function detectCapabilities(db: SqlExecutor, configured: string): Promise<Capabilities> {
  const config = db.config ?? {};
  const schema = resolveSchemaName(configured);
  const rows = await runSql(db, CAPABILITY_QUERY, [schema]);
  const [first] = rows;
  if (!first) throw new PgBossSchemaNotFoundError(schema);
  // information_schema would hide the table from such a role, and it would look uninstalled.
  if (!first.can_use_schema) throw new PgBossPermissionError(schema, String(first.role), 'USAGE on the schema');
  if (!first.can_read_queue) throw new PgBossPermissionError(schema, String(first.role), 'SELECT on its queue table');
  const columns = new Set(rows.map((row) => String(row.column_name)));
  const legacy = columns.has('retention_minutes');
  return {
    schema,
    configured,
    columns,
    storedOptions: QUEUE_OPTION_SPECS.filter((spec) => columns.has(spec.column)).map((spec) => spec.key),
    legacy,
    instanceDefaults: {
      retryLimit: config.retryLimit,
      retryDelay: config.retryDelay,
      retryBackoff: config.retryBackoff,
      // 10.x folds expireInSeconds/Minutes/Hours into expireIn (seconds).
      expireInSeconds: config.expireIn,
      retentionMinutes: legacy ? retentionMinutesOf(config.keepUntil) : undefined,
    },
  };
}

/**
 * 10.x folds the instance's retentionDays/Hours/Minutes/Seconds into `keepUntil` ('30 days'), which
 * applies to jobs of a queue whose retention_minutes is NULL. A retention in seconds may not be a whole
 * number of minutes: the fraction is kept, so it never matches a declared whole number by accident.
 */
function retentionMinutesOf(keepUntil: unknown): number | undefined {
  const match = typeof keepUntil === 'string' ? /^([\d.]+) (days|hours|minutes|seconds)$/.exec(keepUntil) : null;
  if (!match) return undefined;
  const perUnit = { days: 24 * 60, hours: 60, minutes: 1, seconds: 1 / 60 }[
    match[2] as 'days' | 'hours' | 'minutes' | 'seconds'
  ];
  return Number(match[1]) * perUnit;
}
