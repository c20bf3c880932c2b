import type { QueueDrift } from './types';

/** Thrown by `onDrift: 'error'`, and by `'recreate'` when a drifted queue still holds jobs. */
export class QueueDriftError extends Error {
  override readonly name = 'QueueDriftError';
  readonly queues: ReadonlyArray<{ name: string; drift: QueueDrift[] }>;

  constructor(queues: ReadonlyArray<{ name: string; drift: QueueDrift[] }>, reason?: string) {
    const lines = queues.flatMap(({ name, drift }) =>
      drift.map(
        (item) =>
          `  ${name}.${item.option}: declared ${JSON.stringify(item.desired)}, stored ${JSON.stringify(item.actual)}`,
      ),
    );
    super(`${reason ?? 'Stored queue options differ from the declared ones'}:\n${lines.join('\n')}`);
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
