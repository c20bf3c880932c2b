import type { Capabilities } from './capabilities';
import type { Deadline } from './deadline';
import { PgBossNotStartedError } from './errors';
import { reportQueueEvent, type QueueEvent, type QueueEventLevel } from './events';
import { isNotStartedFailure } from './isNotStartedFailure';
import { retryTransient } from './retryTransient';
import type { PgBossLike, SafeCreateQueueSettings } from './types';

/**
 * One public call in progress: the instance, what it supports, the caller's settings and the call's
 * bound. Every step that talks to pg-boss goes through `pgBoss` (or `retry`), so each is bounded,
 * reported and turned into the package's errors in one place.
 */
export class QueueCall {
  constructor(
    readonly boss: PgBossLike,
    readonly capabilities: Capabilities,
    readonly settings: SafeCreateQueueSettings,
    readonly deadline: Deadline,
  ) {}

  report(level: QueueEventLevel, message: string, event: QueueEvent): void {
    reportQueueEvent(this.boss, this.settings.logger, level, message, event);
  }

  /**
   * One pg-boss method call, bounded by the deadline. An instance that was stopped fails with
   * PgBossNotStartedError instead of 10/11's silent no-op or their `rows` TypeError. Not an async
   * function: the deadline's own promise is the call's, one promise less on every statement.
   */
  pgBoss<T>(operation: string, run: () => Promise<T>): Promise<T> {
    const db = this.boss.getDb() as { opened?: unknown } | undefined;
    if (db?.opened === false) return Promise.reject(new PgBossNotStartedError());
    let pending: Promise<T>;
    try {
      pending = run();
    } catch (error) {
      pending = Promise.reject(error);
    }
    return this.deadline.wait(operation, pending, asNotStartedError);
  }

  /** `pgBoss`, with transient conflicts retried (and reported) while attempts and time remain. */
  retry<T>(queue: string, operation: string, run: (attempt: number) => Promise<T>): Promise<T> {
    return retryTransient(
      {
        queue,
        operation,
        deadline: this.deadline,
        report: (event) =>
          event.kind === 'retry'
            ? this.report('info', `${operation} hit ${event.code}; attempt ${event.attempt + 1} follows.`, event)
            : this.report('error', `${operation} gave up after ${event.attempts} attempts on ${event.code}.`, event),
      },
      (attempt) => this.pgBoss(operation, () => run(attempt)),
    );
  }
}

function asNotStartedError(error: unknown): unknown {
  return isNotStartedFailure(error) ? new PgBossNotStartedError({ cause: error }) : error;
}
