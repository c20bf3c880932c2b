import type { Deadline } from './deadline';
import { QueueContentionError } from './errors';
import type { QueueEvent } from './events';

/**
 * PostgreSQL errors that a retry resolves: 10.x createQueue deadlocks against any concurrent create
 * (40P01; a deadlocked call rolls back whole), serialisation failures, and 11+'s 30 s lock_timeout.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001', '55P03']);

export const RETRY_ATTEMPTS = 12;
const BASE_DELAY_MS = 25;
const MAX_DELAY_MS = 1_000;

/** What is retried, for the error and the events: `operation` is e.g. `createQueue("emails")`. */
export interface RetryContext {
  readonly queue: string;
  readonly operation: string;
  readonly deadline: Deadline;
  /** Receives a `retry` event before each new attempt and a `gave-up` event before the error is thrown. */
  readonly report: (event: Extract<QueueEvent, { kind: 'retry' | 'gave-up' }>) => void;
}

function transientCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && TRANSIENT_CODES.has(code) ? code : undefined;
}

/**
 * Runs `operation`, retrying transient conflicts with full-jitter exponential backoff, which spreads
 * processes that start together, for at most RETRY_ATTEMPTS attempts and never past the call's deadline.
 * Giving up throws QueueContentionError (attempts ran out) or QueueTimeoutError (time ran out), the last
 * error kept as `cause`; every other error is thrown unchanged at once.
 */
export async function retryTransient<T>(context: RetryContext, operation: (attempt: number) => Promise<T>): Promise<T> {
  const { queue, operation: what, deadline, report } = context;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const code = transientCode(error);
      if (code === undefined) throw error;
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
      const delay = Math.random() * ceiling;
      if (attempt >= RETRY_ATTEMPTS || delay >= deadline.remainingMs()) {
        report({ kind: 'gave-up', queue, operation: what, attempts: attempt, code });
        if (attempt >= RETRY_ATTEMPTS) throw new QueueContentionError(what, attempt, { cause: error });
        throw deadline.expired(what, error);
      }
      report({ kind: 'retry', queue, operation: what, attempt, code });
      await deadline.sleep(what, delay, error);
    }
  }
}
