import { PgBossNotStartedError, QueueDeclarationError } from './errors';
import { isNotStartedFailure } from './isNotStartedFailure';
import type { PgBossLike, SafeCreateQueueSettings } from './types';

/** What the installed pg-boss can do, read from the instance and its database. */
export interface Capabilities {
  /** The pg-boss schema the instance uses. */
  readonly schema: string;
  /** Columns of the `queue` table: an option is supported exactly when its column exists. */
  readonly columns: ReadonlySet<string>;
  /** 10.x: NULL means "instance default", updateQueue resets an omitted policy, unit spellings are dropped. */
  readonly legacy: boolean;
  /** The instance's own defaults for 10.x's NULL columns (`new PgBoss({ retryLimit })`). */
  readonly instanceDefaults: Readonly<Record<string, unknown>>;
}

interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> } | undefined>;
  config?: Record<string, unknown>;
}

const DEFAULT_SCHEMA = 'pgboss';
const cache = new WeakMap<object, Promise<Capabilities>>();

/**
 * One read-only query per instance, cached: later calls cost no round trip. The answer comes from the
 * database the instance is connected to, so a second copy of pg-boss in node_modules cannot mislead it.
 */
export function getCapabilities(boss: PgBossLike, settings: SafeCreateQueueSettings): Promise<Capabilities> {
  let pending = cache.get(boss);
  if (!pending) {
    pending = detectCapabilities(boss, settings);
    cache.set(boss, pending);
    // A failure (not started yet, connection refused) must not be remembered.
    pending.catch(() => cache.delete(boss));
  }
  return pending;
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
  text: string,
  values: unknown[],
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

async function detectCapabilities(boss: PgBossLike, settings: SafeCreateQueueSettings): Promise<Capabilities> {
  const db = getSqlExecutor(boss);
  const config = db.config ?? {};
  const schema = settings.schema ?? (typeof config.schema === 'string' ? config.schema : DEFAULT_SCHEMA);
  const rows = await runSql(
    db,
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'queue'`,
    [schema],
  );
  if (rows.length === 0) {
    throw new QueueDeclarationError(
      `No pg-boss queue table in schema "${schema}": is pg-boss 10+ installed there? (settings.schema names another)`,
    );
  }
  const columns = new Set(rows.map((row) => String(row.column_name)));
  return {
    schema,
    columns,
    legacy: columns.has('retention_minutes'),
    instanceDefaults: {
      retryLimit: config.retryLimit,
      retryDelay: config.retryDelay,
      retryBackoff: config.retryBackoff,
      // 10.x folds expireInSeconds/Minutes/Hours into expireIn (seconds).
      expireInSeconds: config.expireIn,
      retentionMinutes: config.retentionMinutes,
    },
  };
}
