import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deadline } from '../../src/runtime/deadline';
import { QueueContentionError, QueueTimeoutError } from '../../src/runtime/errors';
import type { QueueEvent } from '../../src/runtime/events';
import { RETRY_ATTEMPTS, retryTransient } from '../../src/runtime/retryTransient';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

/** A retry context that records its events, with a bound of `timeoutMs`. */
function context(timeoutMs = 90_000) {
  const events: QueueEvent[] = [];
  return {
    events,
    queue: 'q',
    operation: 'createQueue("q")',
    deadline: new Deadline(timeoutMs),
    report: (event: QueueEvent) => events.push(event),
  };
}

/** Runs `pending` while the fake clock runs every backoff sleep it schedules. */
async function settle<T>(pending: Promise<T>): Promise<T | unknown> {
  const outcome = pending.catch((error: unknown) => error);
  await vi.runAllTimersAsync();
  return outcome;
}

describe('retryTransient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a deadlock until the operation succeeds, reporting each retry', async () => {
    const retrying = context();
    let calls = 0;
    const result = await settle(
      retryTransient(retrying, async (attempt) => {
        calls++;
        if (attempt < 3) throw deadlock();
        return 'done';
      }),
    );
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });
    expect(retrying.events).toEqual([
      { kind: 'retry', queue: 'q', operation: 'createQueue("q")', attempt: 1, code: '40P01' },
      { kind: 'retry', queue: 'q', operation: 'createQueue("q")', attempt: 2, code: '40P01' },
    ]);
  });

  it('gives up after the bound on attempts with QueueContentionError, keeping the cause', async () => {
    const retrying = context();
    const last = deadlock();
    let calls = 0;
    const error = await settle(
      retryTransient(retrying, async () => {
        calls++;
        throw last;
      }),
    );
    expect(calls).toBe(RETRY_ATTEMPTS);
    expect(error).toBeInstanceOf(QueueContentionError);
    expect(error).toMatchObject({
      name: 'QueueContentionError',
      code: 'ERR_QUEUE_CONTENTION',
      attempts: RETRY_ATTEMPTS,
      cause: last,
      message: `createQueue("q") still failed after ${RETRY_ATTEMPTS} attempts: deadlock detected`,
    });
    expect(retrying.events.at(-1)).toEqual({
      kind: 'gave-up',
      queue: 'q',
      operation: 'createQueue("q")',
      attempts: RETRY_ATTEMPTS,
      code: '40P01',
    });
  });

  // 12 retries of pg-boss 11/12's own 30 s lock_timeout once made a call take 6 minutes.
  it('stops retrying when the next attempt would start past the deadline', async () => {
    const retrying = context(1_000);
    const lockTimeout = Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
    let calls = 0;
    const error = await settle(
      retryTransient(retrying, async () => {
        calls++;
        // Each attempt waits out a lock for 400 ms, as pg-boss's own lock_timeout would.
        await new Promise((resolve) => setTimeout(resolve, 400));
        throw lockTimeout;
      }),
    );
    expect(error).toBeInstanceOf(QueueTimeoutError);
    expect(error).toMatchObject({ waitedFor: 'createQueue("q")', timeoutMs: 1_000, cause: lockTimeout });
    expect((error as Error).message).toContain('createQueue("q") did not complete within settings.timeoutMs (1000 ms)');
    expect(calls).toBeLessThanOrEqual(3);
    expect(retrying.events.at(-1)).toMatchObject({ kind: 'gave-up', code: '55P03', attempts: calls });
  });

  it('rethrows any other error unchanged, at once', async () => {
    const denied = Object.assign(new Error('permission denied for table queue'), { code: '42501' });
    let calls = 0;
    const error = await settle(
      retryTransient(context(), async () => {
        calls++;
        throw denied;
      }),
    );
    expect(error).toBe(denied);
    expect(calls).toBe(1);
  });
});
