import { PgBossNotStartedError, QueueTimeoutError } from './errors';
import { watchWait } from './waitWatch';
import type { PgBossLike, SafeCreateQueueSettings } from './types';

/** Three times pg-boss 11/12's own `lock_timeout` (30 s): room for one create that waits out a held lock, twice. */
export const DEFAULT_TIMEOUT_MS = 90_000;

/**
 * The bound on one public call (`settings.timeoutMs`). Every step the call waits for goes through
 * `wait`, so the call ends by the bound with an error naming the step, even when pg-boss itself would
 * wait longer (10.x sets no lock_timeout) or a pool has no free connection; and it ends at once with
 * PgBossNotStartedError when the instance stops meanwhile, since nothing it waits for can come then.
 */
export class Deadline {
  readonly timeoutMs: number;
  readonly #endsAt: number;
  readonly #instance: PgBossLike | undefined;

  constructor(timeoutMs: number, instance?: PgBossLike) {
    this.timeoutMs = timeoutMs;
    this.#endsAt = Date.now() + timeoutMs;
    this.#instance = instance;
  }

  /** The bound a call on `instance` with these settings runs under (checkSettings has checked `timeoutMs`). */
  static of(settings: SafeCreateQueueSettings | undefined, instance: PgBossLike): Deadline {
    return new Deadline(settings?.timeoutMs ?? DEFAULT_TIMEOUT_MS, instance);
  }

  remainingMs(): number {
    return Math.max(0, this.#endsAt - Date.now());
  }

  expired(waitedFor: string, cause?: unknown): QueueTimeoutError {
    return new QueueTimeoutError(waitedFor, this.timeoutMs, cause === undefined ? undefined : { cause });
  }

  /**
   * Settles as `pending` does (its error passed through `failure` when given), or rejects with a
   * QueueTimeoutError naming `waitedFor` when the bound comes first, or with PgBossNotStartedError when
   * the instance starts to stop first. The abandoned promise cannot be cancelled; its outcome is
   * observed so that a later rejection is never unhandled.
   */
  wait<T>(waitedFor: string, pending: Promise<T>, failure?: (error: unknown) => unknown): Promise<T> {
    if (this.remainingMs() === 0) {
      pending.catch(() => {});
      return Promise.reject(this.expired(waitedFor));
    }
    return new Promise<T>((resolve, reject) => {
      const unwatch = watchWait(this.#endsAt, this.#instance, (reason) =>
        reject(
          reason === 'expired' ? this.expired(waitedFor) : new PgBossNotStartedError({ stoppedDuring: waitedFor }),
        ),
      );
      pending.then(
        (value) => {
          unwatch();
          resolve(value);
        },
        (error: unknown) => {
          unwatch();
          reject(failure ? failure(error) : error);
        },
      );
    });
  }

  /** Sleeps for `ms`, or throws the timeout error for `waitedFor` at once when the bound comes first. */
  async sleep(waitedFor: string, ms: number, cause?: unknown): Promise<void> {
    if (ms >= this.remainingMs()) throw this.expired(waitedFor, cause);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
