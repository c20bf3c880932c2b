/**
 * PostgreSQL errors that a retry resolves: 10.x createQueue deadlocks against any concurrent create
 * (40P01; a deadlocked call rolls back whole), serialisation failures, and 11+'s 30 s lock_timeout.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001', '55P03']);

export const RETRY_ATTEMPTS = 12;
const BASE_DELAY_MS = 25;
const MAX_DELAY_MS = 1_000;

function isTransientError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && TRANSIENT_CODES.has(String((error as { code?: unknown }).code));
}

/**
 * Runs `operation`, retrying transient conflicts with full-jitter exponential backoff, which spreads
 * processes that start together. Past the bound the last error is thrown with what was attempted
 * (its `code` and `cause` kept); every other error is thrown unchanged at once.
 */
export async function retryTransient<T>(what: string, operation: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!isTransientError(error)) throw error;
      if (attempt >= RETRY_ATTEMPTS) {
        const message = error instanceof Error ? error.message : String(error);
        throw Object.assign(new Error(`${what} still failed after ${attempt} attempts: ${message}`, { cause: error }), {
          code: (error as { code?: unknown }).code,
        });
      }
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
