import type { QueueDrift } from './types';

/** Thrown by `onDrift: 'error'`, and by `'recreate'` when it refuses (the queue holds jobs, or is another's dead letter). */
export class QueueDriftError extends Error {
  override readonly name = 'QueueDriftError';
  readonly code = 'ERR_QUEUE_DRIFT';
  readonly queues: ReadonlyArray<{ name: string; drift: QueueDrift[] }>;

  constructor(queues: ReadonlyArray<{ name: string; drift: QueueDrift[] }>, reason?: string, options?: ErrorOptions) {
    const lines = queues.flatMap(({ name, drift }) =>
      drift.map(
        (item) =>
          `  ${name}.${item.option}: declared ${JSON.stringify(item.desired)}, stored ${JSON.stringify(item.actual)}`,
      ),
    );
    super(`${reason ?? 'Stored queue options differ from the declared ones'}:\n${lines.join('\n')}`, options);
    this.queues = queues;
  }
}

/** Bad input (boss, name, options, settings or declaration list), found before any SQL touched a queue. */
export class QueueDeclarationError extends TypeError {
  override readonly name = 'QueueDeclarationError';
  readonly code = 'ERR_QUEUE_DECLARATION';
}

/**
 * The instance cannot run SQL: not started yet (pg-boss 10/11 would silently do nothing instead), or
 * stopped, before or during the call (`stoppedDuring` names the step the call was waiting for).
 */
export class PgBossNotStartedError extends Error {
  override readonly name = 'PgBossNotStartedError';
  readonly code = 'ERR_PGBOSS_NOT_STARTED';

  constructor(options?: ErrorOptions & { stoppedDuring?: string }) {
    super(
      options?.stoppedDuring === undefined
        ? 'pg-boss is not started: await boss.start() before creating queues (pg-boss 10 and 11 would silently create nothing).'
        : `pg-boss was stopped while the call waited for ${options.stoppedDuring}: await boss.start() again before creating queues.`,
      options,
    );
  }
}

/** The database has no pg-boss queue table in the schema the instance (or `settings.schema`) names. */
export class PgBossSchemaNotFoundError extends Error {
  override readonly name = 'PgBossSchemaNotFoundError';
  readonly code = 'ERR_PGBOSS_SCHEMA_NOT_FOUND';

  constructor(readonly schema: string) {
    super(
      `No pg-boss queue table in schema "${schema}": start pg-boss 10+ on this database first, or name the schema it uses in settings.schema.`,
    );
  }
}

/** The database role may not use the pg-boss schema or read its queue table. */
export class PgBossPermissionError extends Error {
  override readonly name = 'PgBossPermissionError';
  readonly code = 'ERR_PGBOSS_PERMISSION';

  constructor(
    readonly schema: string,
    readonly role: string,
    missing: string,
  ) {
    super(
      `Role "${role}" lacks ${missing} in pg-boss schema "${schema}": GRANT it, or connect as the role that owns the schema.`,
    );
  }
}

/** `resetQueues` refused to run because `NODE_ENV` is `production` and `settings.allowProduction` is not set. */
export class QueueResetRefusedError extends Error {
  override readonly name = 'QueueResetRefusedError';
  readonly code = 'ERR_QUEUE_RESET_REFUSED';

  constructor() {
    super(
      'resetQueues deletes queues and their jobs, and NODE_ENV is "production": pass { allowProduction: true } if that is really meant.',
    );
  }
}

/** A call did not finish within `settings.timeoutMs`; `waitedFor` names the step it was waiting on. */
export class QueueTimeoutError extends Error {
  override readonly name = 'QueueTimeoutError';
  readonly code = 'ERR_QUEUE_TIMEOUT';
  readonly waitedFor: string;
  readonly timeoutMs: number;

  constructor(waitedFor: string, timeoutMs: number, options?: ErrorOptions) {
    const last = options?.cause instanceof Error ? ` (last error: ${options.cause.message})` : '';
    super(`${waitedFor} did not complete within settings.timeoutMs (${timeoutMs} ms)${last}.`, options);
    this.waitedFor = waitedFor;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A step kept failing on a conflict that a retry resolves (40P01, 40001, 55P03, or another process deleting
 * the queue each time) until the attempts ran out.
 */
export class QueueContentionError extends Error {
  override readonly name = 'QueueContentionError';
  readonly code = 'ERR_QUEUE_CONTENTION';
  readonly attempts: number;

  constructor(operation: string, attempts: number, options?: ErrorOptions) {
    const last = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`${operation} still failed after ${attempts} attempts${last}`, options);
    this.attempts = attempts;
  }
}
