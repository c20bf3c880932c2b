import { createHash } from 'node:crypto';
import { runSql, type SqlExecutor } from './capabilities';

/**
 * The server cannot run the prepared statement as pg believes it prepared it: it is gone (26000, e.g. a
 * pooler in transaction mode moved the client to another server connection), another client prepared
 * the name on this server connection (42P05, the same pooler), or its result changed type (0A000, the
 * table altered under it).
 */
const UNUSABLE_STATEMENT_CODES = new Set(['26000', '42P05', '0A000']);

/** Executors that failed to run a named statement once: they get plain statements from then on. */
const plainOnly = new WeakSet<SqlExecutor>();
const namesByText = new Map<string, string>();

/**
 * Runs a statement the helper sends on every call through the instance's `executeSql`, as a named
 * statement where that is pg-boss 10's own Db, which hands it to pg's `pool.query` as it is: each
 * connection then parses and plans it once, where a plain statement is parsed and planned on every call
 * (its planning took twice its execution, and together more than 10.x's whole createQueue on an existing
 * queue, which runs a plpgsql function whose plans PostgreSQL caches). A custom `db` may not pass the
 * object on, so it gets the plain statement, and so does an executor on which a named statement failed
 * to run (a pooler that shares server connections between clients), after sending it again plain.
 */
export function runStatement(
  db: SqlExecutor,
  text: string,
  values: unknown[],
): Promise<Array<Record<string, unknown>>> {
  if (db.isOurs !== true || plainOnly.has(db)) return runSql(db, text, values);
  return runSql(db, { name: statementName(text), text, values }).catch((error: unknown) => {
    if (!UNUSABLE_STATEMENT_CODES.has((error as { code?: unknown } | null)?.code as string)) throw error;
    plainOnly.add(db);
    return runSql(db, text, values);
  });
}

/**
 * The name is derived from the text, so one name never stands for two statements: pg refuses that on
 * one connection, and another copy of this package on the same pool derives the same name for the same
 * text. A hash keeps it within PostgreSQL's 63 bytes, past which it would cut the name short. One
 * entry per text: a schema and a set of declared options, as many as the application declares.
 */
function statementName(text: string): string {
  let name = namesByText.get(text);
  if (name === undefined) {
    name = `safe_create_queue_${createHash('sha1').update(text).digest('hex')}`;
    namesByText.set(text, name);
  }
  return name;
}
