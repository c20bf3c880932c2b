import type { QueueEventLogger } from './events';

/** The options a queue is declared with. Which keys a database accepts depends on its pg-boss version. */
export interface QueueOptions {
  /** Ignored when it equals the queue's name (pg-boss reads it only when the name argument is missing). */
  name?: string;
  policy?: string;
  /** 11+: give the queue its own partition table. Fixed at creation. */
  partition?: boolean;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  /** 11+; needs `retryBackoff: true`. */
  retryDelayMax?: number | null;
  expireInSeconds?: number;
  /** Advertised by 10.x's types, ignored by every version (reported as an `ignored-option` event). */
  expireInMinutes?: number;
  /** Advertised by 10.x's types, ignored by every version. */
  expireInHours?: number;
  /** 11+; ignored by 10.x. */
  retentionSeconds?: number;
  /** 10.x only; ignored by 11+. */
  retentionMinutes?: number;
  /** Advertised by 10.x's types, ignored by every version. */
  retentionHours?: number;
  /** Advertised by 10.x's types, ignored by every version. */
  retentionDays?: number;
  /** 11+. */
  deleteAfterSeconds?: number;
  /** 11+. */
  warningQueueSize?: number;
  deadLetter?: string | null;
  /** 12.12+. */
  heartbeatSeconds?: number | null;
  /** 12.21+. */
  notify?: boolean;
}

/** One option whose stored value differs from the declared one. */
export interface QueueDrift {
  option: string;
  desired: unknown;
  actual: unknown;
  /** Whether `updateQueue` can change it on the installed version (`onDrift: 'update'`). */
  updatable: boolean;
}

export type QueueStatus = 'created' | 'exists' | 'updated' | 'recreated';

export interface QueueOutcome {
  name: string;
  /**
   * `created`: absent when looked up, present after this call's create. `exists`: it was there.
   * `updated` / `recreated`: drift was resolved as `onDrift` asked.
   */
  status: QueueStatus;
  /** The differences found (before any update or recreation), empty when the queue matches. */
  drift: QueueDrift[];
}

/** What to do when an existing queue's stored options differ from the declared ones. */
export type OnDrift = 'warn' | 'update' | 'error' | 'recreate' | 'ignore';

/** Kept for code written against the first release: a `QueueEventLogger` (every report carries a `kind`). */
export type DriftLogger = QueueEventLogger;

export interface SafeCreateQueueSettings {
  /** Default `'warn'`. */
  onDrift?: OnDrift;
  /**
   * Receives the reports (created, updated, recreated, drift, retry, gave-up, ignored options, upgrade
   * hazards): `warn` is required, `info` and `error` are used when present. Default: the instance's own
   * `'warning'` event, never `console`.
   */
  logger?: QueueEventLogger;
  /**
   * The pg-boss schema, for instances built on a custom `db` whose configuration the helper cannot
   * read. Default: the instance's own `schema` setting, else `'pgboss'`. Resolved as PostgreSQL resolves
   * pg-boss's SQL: folded to lower case unless written in double quotes (`'"MySchema"'`).
   */
  schema?: string;
  /**
   * The bound on one call, in milliseconds, waits for connections and locks included. Default 90,000
   * (three times pg-boss's own 30 s lock_timeout).
   */
  timeoutMs?: number;
  /**
   * Reject, with a `QueueDeclarationError` before any SQL, options the installed pg-boss ignores (typos,
   * another version's options) and names or values a later major refuses (a name with a space on 10.x),
   * instead of reporting an `ignored-option` or `upgrade-hazard` event. Default `false`: whatever
   * `createQueue` accepts, this accepts.
   */
  strict?: boolean;
}

/** `resetQueues`' settings: it refuses to run when `NODE_ENV` is `production` unless `allowProduction` is set. */
export interface ResetQueuesSettings extends SafeCreateQueueSettings {
  allowProduction?: boolean;
}

/**
 * Queues declared in one place: `{ emails: { retryLimit: 5 } }`, `[{ name: 'emails', options: { … } }]`,
 * or the `--json` output of `pg-boss-queues` (what the code declares, read from the source).
 */
export type QueueDeclarations =
  | Readonly<Record<string, QueueOptions>>
  | ReadonlyArray<{ readonly name: string; readonly options?: QueueOptions }>
  | QueueInventoryDeclarations;

/** The part of `pg-boss-queues --json` output the runtime reads: each queue's declarations and their options. */
export interface QueueInventoryDeclarations {
  readonly queues: ReadonlyArray<{
    readonly name: string;
    readonly declarations: ReadonlyArray<{
      readonly file: string;
      readonly line: number;
      /** Null when the options could not be read from the code. */
      readonly options: QueueOptions | null;
      /** True in test code: left out, since the database holds what production declares. */
      readonly test?: boolean;
    }>;
  }>;
}

/** `verifyQueues`'s answer: `ok` is false when any queue is missing or drifted. */
export interface QueueVerification {
  ok: boolean;
  missing: string[];
  drifted: Array<{ name: string; drift: QueueDrift[] }>;
}

/**
 * The parts of a pg-boss instance (10, 11 or 12) the helper uses. Results are read as `unknown` and
 * checked, because their shapes differ between versions.
 */
export interface PgBossLike {
  createQueue(name: string, options?: object): Promise<unknown>;
  getQueue(name: string): Promise<unknown>;
  getQueues(names?: string[]): Promise<unknown>;
  updateQueue(name: string, options?: object): Promise<unknown>;
  deleteQueue(name: string): Promise<unknown>;
  getDb(): unknown;
}

/**
 * What the public functions accept: any pg-boss 10, 11 or 12 instance. `getDb()` is left out because
 * 10.x's type declarations omit it; it is checked at run time.
 */
export type PgBossInstance = Omit<PgBossLike, 'getDb'>;
