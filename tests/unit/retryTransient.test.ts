import { describe, expect, it } from 'vitest';
import { RETRY_ATTEMPTS, retryTransient } from '../../src/runtime/retryTransient';

describe('retryTransient', () => {
  it('retries a deadlock until the operation succeeds', async () => {
    let calls = 0;
    const result = await retryTransient('createQueue("q")', async (attempt) => {
      calls++;
      if (attempt < 3) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'done';
    });
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });
  });

  it('gives up after the bound with what it attempted, keeping the code and the cause', async () => {
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    let calls = 0;
    const error = await retryTransient('createQueue("q")', async () => {
      calls++;
      throw deadlock;
    }).catch((caught: unknown) => caught as Error & { code?: string });
    expect(calls).toBe(RETRY_ATTEMPTS);
    expect(error.message).toBe(`createQueue("q") still failed after ${RETRY_ATTEMPTS} attempts: deadlock detected`);
    expect(error.code).toBe('40P01');
    expect(error.cause).toBe(deadlock);
  }, 30_000);

  it('rethrows any other error unchanged, at once', async () => {
    const denied = Object.assign(new Error('permission denied for table queue'), { code: '42501' });
    let calls = 0;
    await expect(
      retryTransient('getQueue("q")', async () => {
        calls++;
        throw denied;
      }),
    ).rejects.toBe(denied);
    expect(calls).toBe(1);
  });
});
