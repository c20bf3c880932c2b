/** What went wrong, in terms of what the caller can do about it. Stable: kinds are added, never renamed. */
export type QueueErrorKind =
  | 'queue-exists'
  | 'deadlock'
  | 'serialization-failure'
  | 'lock-timeout'
  | 'statement-timeout'
  | 'connection-lost'
  | 'permission-denied'
  | 'schema-not-installed'
  | 'value-out-of-range'
  | 'dead-letter-missing'
  | 'dead-letter-in-use'
  | 'queue-not-found'
  | 'queue-not-empty'
  | 'not-started'
  | 'invalid-declaration'
  | 'drift'
  | 'reset-refused'
  | 'timed-out'
  | 'unknown';

export interface QueueErrorClassification {
  kind: QueueErrorKind;
  /** Whether running the same call again, unchanged, can succeed. */
  retryable: boolean;
  /** What to do, in one sentence. */
  hint: string;
  /** The code that decided it: a SQLSTATE, a Node or pg-boss code, or this package's own. */
  code?: string;
}

type Verdict = Omit<QueueErrorClassification, 'code'>;

const VERDICTS: Readonly<Record<Exclude<QueueErrorKind, 'unknown'>, Verdict>> = {
  'queue-exists': {
    kind: 'queue-exists',
    retryable: false,
    hint: 'The queue already exists (pg-boss 10.0.0–10.1.4 databases throw instead of doing nothing): treat it as success, as safeCreateQueue does.',
  },
  deadlock: {
    kind: 'deadlock',
    retryable: true,
    hint: 'Concurrent createQueue calls deadlocked (pg-boss 10.x takes no lock); the loser rolled back whole, so retry, or use safeCreateQueue.',
  },
  'serialization-failure': {
    kind: 'serialization-failure',
    retryable: true,
    hint: 'A concurrent transaction conflicted; retry the call.',
  },
  'lock-timeout': {
    kind: 'lock-timeout',
    retryable: true,
    hint: 'Waited longer than lock_timeout (pg-boss 11+ set 30 s) for a lock on the queue table: find the session holding it (pg_locks), then retry.',
  },
  'statement-timeout': {
    kind: 'statement-timeout',
    retryable: true,
    hint: 'The statement was cancelled by statement_timeout or a cancel request; retry, or raise the timeout if the database is merely slow.',
  },
  'connection-lost': {
    kind: 'connection-lost',
    retryable: true,
    hint: 'The connection was refused, lost or its server process terminated (failover, restart, an administrator); retry once the database is reachable.',
  },
  'permission-denied': {
    kind: 'permission-denied',
    retryable: false,
    hint: 'The database role lacks a privilege on the pg-boss schema or its tables: GRANT it, or connect as the schema owner.',
  },
  'schema-not-installed': {
    kind: 'schema-not-installed',
    retryable: false,
    hint: "pg-boss is not installed in this schema: start pg-boss against the database first, or name the right schema (settings.schema, the instance's schema option).",
  },
  'value-out-of-range': {
    kind: 'value-out-of-range',
    retryable: false,
    hint: "A number does not fit PostgreSQL's integer (at most 2147483647): declare a smaller value.",
  },
  'dead-letter-missing': {
    kind: 'dead-letter-missing',
    retryable: false,
    hint: 'The dead-letter queue does not exist: create it first (safeCreateQueues orders dead letters first).',
  },
  'dead-letter-in-use': {
    kind: 'dead-letter-in-use',
    retryable: false,
    hint: 'The queue is the dead letter of another queue, which still names it: delete or change that queue first.',
  },
  'queue-not-found': {
    kind: 'queue-not-found',
    retryable: false,
    hint: 'The queue, or the dead letter a queue names, was never created (pg-boss 10+ require createQueue before send and work): declare it at startup with safeCreateQueue(s).',
  },
  'queue-not-empty': {
    kind: 'queue-not-empty',
    retryable: false,
    hint: 'pg-boss 10.x deletes a queue only when no job references it: delete its jobs first (resetQueues does), or let it be.',
  },
  'not-started': {
    kind: 'not-started',
    retryable: false,
    hint: 'pg-boss is not started, or was stopped: await boss.start() first.',
  },
  'invalid-declaration': {
    kind: 'invalid-declaration',
    retryable: false,
    hint: 'The name, options or settings are invalid; the message names which. Nothing was written.',
  },
  drift: {
    kind: 'drift',
    retryable: false,
    hint: 'The stored queue differs from the declaration: change the declaration, or choose another settings.onDrift.',
  },
  'reset-refused': {
    kind: 'reset-refused',
    retryable: false,
    hint: 'resetQueues does not run with NODE_ENV=production unless settings.allowProduction is set.',
  },
  'timed-out': {
    kind: 'timed-out',
    retryable: true,
    hint: 'The call did not finish within settings.timeoutMs; its waitedFor names the step (a lock, a pool connection, a statement): free that, or raise timeoutMs, then call again.',
  },
};

/** This package's own error codes. */
const OWN_CODES: Readonly<Record<string, Exclude<QueueErrorKind, 'unknown'>>> = {
  ERR_QUEUE_DECLARATION: 'invalid-declaration',
  ERR_QUEUE_DRIFT: 'drift',
  ERR_PGBOSS_NOT_STARTED: 'not-started',
  ERR_PGBOSS_SCHEMA_NOT_FOUND: 'schema-not-installed',
  ERR_PGBOSS_PERMISSION: 'permission-denied',
  ERR_QUEUE_RESET_REFUSED: 'reset-refused',
  ERR_QUEUE_TIMEOUT: 'timed-out',
  // ERR_QUEUE_CONTENTION is classified by its cause: the deadlock, serialisation failure or lock timeout.
  // pg-boss 12.38's own code for a queue that does not exist.
  PGBOSS_QUEUE_NOT_FOUND: 'queue-not-found',
};

/** SQLSTATEs by exact code. */
const SQLSTATES: Readonly<Record<string, Exclude<QueueErrorKind, 'unknown'>>> = {
  '40P01': 'deadlock',
  '40001': 'serialization-failure',
  '55P03': 'lock-timeout',
  '57014': 'statement-timeout',
  '57P01': 'connection-lost',
  '57P02': 'connection-lost',
  '57P03': 'connection-lost',
  '42501': 'permission-denied',
  '42P01': 'schema-not-installed',
  '3F000': 'schema-not-installed',
  '22003': 'value-out-of-range',
};

/** Node's codes for a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

/** pg-boss's and node-postgres's errors that carry no code, recognised by their stable wording. */
const MESSAGES: ReadonlyArray<[RegExp, Exclude<QueueErrorKind, 'unknown'>]> = [
  [/^Dead letter queue .*does not exist/, 'dead-letter-missing'],
  // 12.x refuses in JavaScript what 10.x's foreign key refuses with 23503.
  [/was not deleted: queue .+ uses it as its dead letter queue/, 'dead-letter-in-use'],
  [/^Queue .+ (does not exist|not found)$/, 'queue-not-found'],
  // 12.x asserts; 10.x/11.x read the rows of an undefined result after stop(); pg refuses an ended pool.
  [/Database not opened|Cannot destructure property 'rows'|Cannot use a pool after calling end/, 'not-started'],
  [/Connection terminated|connection (is )?closed|Client has encountered a connection error/i, 'connection-lost'],
];

/**
 * Classifies what queue creation and use can throw, on every pg-boss version from 10.0.0 to 12.x:
 * PostgreSQL's errors by SQLSTATE (and, for 23505/23503, the constraint), pg-boss's own by code or
 * wording, connection failures by Node's codes, and this package's errors by their `code`. A wrapper
 * without a recognisable code is looked through to its `cause`. See docs/errors.md.
 */
export function classifyQueueError(error: unknown): QueueErrorClassification {
  const seen = new Set<unknown>();
  for (let current = error; typeof current === 'object' && current !== null && !seen.has(current);) {
    seen.add(current);
    const found = classifyOne(current as ErrorLike);
    if (found) return found;
    current = (current as ErrorLike).cause;
  }
  return { kind: 'unknown', retryable: false, hint: 'Not an error this package knows: see its message and cause.' };
}

interface ErrorLike {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  name?: unknown;
  cause?: unknown;
}

function classifyOne(error: ErrorLike): QueueErrorClassification | undefined {
  const code = typeof error.code === 'string' ? error.code : undefined;
  const message = typeof error.message === 'string' ? error.message : '';
  const kind = code === undefined ? undefined : kindOfCode(code, error, message);
  if (kind) return { ...VERDICTS[kind], code };
  for (const [pattern, byMessage] of MESSAGES) if (pattern.test(message)) return VERDICTS[byMessage];
  // pg-boss rejects bad arguments with Node's assert before any SQL.
  if (code === 'ERR_ASSERTION') return { ...VERDICTS['invalid-declaration'], code };
  return undefined;
}

function kindOfCode(code: string, error: ErrorLike, message: string): Exclude<QueueErrorKind, 'unknown'> | undefined {
  const known = ownEntry(OWN_CODES, code) ?? ownEntry(SQLSTATES, code);
  if (known) return known;
  if (code.startsWith('08') && code.length === 5) return 'connection-lost';
  if (NETWORK_CODES.has(code)) return 'connection-lost';
  if (code === '23505' && error.constraint === 'queue_pkey') return 'queue-exists';
  if (code === '23503' || code === '23001')
    return kindOfReference(error.constraint, code === '23001' || /^update or delete on/.test(message));
  return undefined;
}

/** A table's own entry only: a code such as `toString` or `__proto__` must not find Object.prototype's members. */
function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The foreign keys by which a queue (`queue_dead_letter_fkey`) or a job (`dlq_fkey`) names its dead letter. */
const DEAD_LETTER_KEYS: ReadonlySet<unknown> = new Set(['queue_dead_letter_fkey', 'dlq_fkey']);

/**
 * A foreign key into the queue table. One that names a dead letter: missing on insert, still named on
 * delete. Any other ties something to its queue (`q_fkey` a job, `schedule_name_fkey` a schedule, whose
 * error 10.x/11.x reword as `Queue … not found` keeping the code): a missing queue on insert, a queue
 * that still has jobs on delete (10.x, RESTRICT).
 */
function kindOfReference(constraint: unknown, onDelete: boolean): Exclude<QueueErrorKind, 'unknown'> {
  if (DEAD_LETTER_KEYS.has(constraint)) return onDelete ? 'dead-letter-in-use' : 'dead-letter-missing';
  return onDelete ? 'queue-not-empty' : 'queue-not-found';
}
