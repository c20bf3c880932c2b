import { QueueDeclarationError, QueueTimeoutError } from './errors';
import type { SafeCreateQueueSettings } from './types';

/** Three times pg-boss 11/12's own `lock_timeout` (30 s): room for one create that waits out a held lock, twice. */
export const DEFAULT_TIMEOUT_MS = 90_000;
/** setTimeout's own limit. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * The bound on one public call (`settings.timeoutMs`). Every step the call waits for goes through
 * `wait`, so the call ends by the bound with an error naming the step, even when pg-boss itself would
 * wait longer (10.x sets no lock_timeout) or a pool has no free connection.
 */
export class Deadline {
  readonly timeoutMs: number;
  readonly #endsAt: number;

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs;
    this.#endsAt = Date.now() + timeoutMs;
  }

  /** The bound a call with these settings runs under; rejects a bad `timeoutMs` before any SQL. */
  static of(settings: SafeCreateQueueSettings | undefined): Deadline {
    const timeoutMs = settings?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw new QueueDeclarationError(
        `settings.timeoutMs must be an integer from 1 to ${MAX_TIMEOUT_MS} (milliseconds); got ${JSON.stringify(timeoutMs)}.`,
      );
    }
    return new Deadline(timeoutMs);
  }

  remainingMs(): number {
    return Math.max(0, this.#endsAt - Date.now());
  }

  /** Throws the timeout error for `waitedFor` when the time is up. */
  check(waitedFor: string, cause?: unknown): void {
    if (this.remainingMs() === 0) throw this.expired(waitedFor, cause);
  }

  expired(waitedFor: string, cause?: unknown): QueueTimeoutError {
    return new QueueTimeoutError(waitedFor, this.timeoutMs, cause === undefined ? undefined : { cause });
  }

  /**
   * Settles as `pending` does, or rejects with a QueueTimeoutError naming `waitedFor` when the bound
   * comes first. The abandoned promise cannot be cancelled; its outcome is observed so that a later
   * rejection is never unhandled.
   */
  wait<T>(waitedFor: string, pending: Promise<T>): Promise<T> {
    pending.catch(() => {});
    const remaining = this.remainingMs();
    if (remaining === 0) return Promise.reject(this.expired(waitedFor));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.expired(waitedFor)), remaining);
    });
    return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
  }

  /** Sleeps for `ms`, or throws the timeout error for `waitedFor` at once when the bound comes first. */
  async sleep(waitedFor: string, ms: number, cause?: unknown): Promise<void> {
    if (ms >= this.remainingMs()) throw this.expired(waitedFor, cause);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
