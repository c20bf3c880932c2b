import type { QueueDrift } from './types';

/** Thrown by `onDrift: 'error'`, and by `'recreate'` when a drifted queue still holds jobs. */
export class QueueDriftError extends Error {
  override readonly name = 'QueueDriftError';
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

/** Bad input, found before any SQL ran. */
export class QueueDeclarationError extends TypeError {
  override readonly name = 'QueueDeclarationError';
}

/** The instance cannot run SQL yet; pg-boss 10/11 would silently do nothing instead. */
export class PgBossNotStartedError extends Error {
  override readonly name = 'PgBossNotStartedError';

  constructor(options?: ErrorOptions) {
    super(
      'pg-boss is not started: await boss.start() before creating queues (pg-boss 10 and 11 would silently create nothing).',
      options,
    );
  }
}

/** A call did not finish within `settings.timeoutMs`; `waitedFor` names the step it was waiting on. */
export class QueueTimeoutError extends Error {
  override readonly name = 'QueueTimeoutError';
  readonly code = 'ERR_PG_BOSS_QUEUE_TIMEOUT';
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
  readonly code = 'ERR_PG_BOSS_QUEUE_CONTENTION';
  readonly attempts: number;

  constructor(operation: string, attempts: number, options?: ErrorOptions) {
    const last = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`${operation} still failed after ${attempts} attempts${last}`, options);
    this.attempts = attempts;
  }
}
