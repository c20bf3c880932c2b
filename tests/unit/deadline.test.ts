import { describe, expect, it } from 'vitest';
import { Deadline } from '../../src/runtime/deadline';
import { PgBossNotStartedError, QueueTimeoutError } from '../../src/runtime/errors';
import type { PgBossLike } from '../../src/runtime/types';

/** A promise settled only when the test says so. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Enough of an instance for the stop check: its Db's `opened` flag. */
function instance(): { boss: PgBossLike; stop(): void } {
  const db = { opened: true };
  const boss = { getDb: () => db } as unknown as PgBossLike;
  return { boss, stop: () => (db.opened = false) };
}

// Every wait of the process shares one timer; each must still end at its own bound and for its own reason.
describe('Deadline.wait', () => {
  it('settles as the awaited promise does while the bound has not passed', async () => {
    const deadline = new Deadline(60_000);
    await expect(deadline.wait('a value', Promise.resolve(42))).resolves.toBe(42);
    const failure = new Error('the statement failed');
    await expect(deadline.wait('a failure', Promise.reject(failure))).rejects.toBe(failure);
  });

  it('ends a wait at its own bound when a wait with a later bound is already pending', async () => {
    const late = deferred<string>();
    const longWait = new Deadline(60_000).wait('the long wait', late.promise);
    const shortWait = new Deadline(20).wait('the short wait', new Promise(() => {}));
    const error = await shortWait.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueueTimeoutError);
    expect(error).toMatchObject({ waitedFor: 'the short wait', timeoutMs: 20 });
    late.resolve('still served');
    await expect(longWait).resolves.toBe('still served');
  });

  it('ends waits whose bounds pass one after another, each naming what it waited for', async () => {
    const never = new Promise<never>(() => {});
    const first = new Deadline(30).wait('first', never).catch((caught: unknown) => caught);
    const second = new Deadline(60).wait('second', never).catch((caught: unknown) => caught);
    expect(await first).toMatchObject({ name: 'QueueTimeoutError', waitedFor: 'first' });
    expect(await second).toMatchObject({ name: 'QueueTimeoutError', waitedFor: 'second' });
  });

  it('ends a wait with PgBossNotStartedError once its instance starts to stop', async () => {
    const { boss, stop } = instance();
    const waiting = Deadline.of({}, boss)
      .wait('a free connection', new Promise(() => {}))
      .catch((caught: unknown) => caught);
    stop();
    const error = await waiting;
    expect(error).toBeInstanceOf(PgBossNotStartedError);
    expect((error as Error).message).toMatch(/stopped while the call waited for a free connection/);
  });

  it('rejects at once when the bound has already passed, and still observes the abandoned promise', async () => {
    const deadline = new Deadline(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(deadline.wait('too late', Promise.reject(new Error('never seen')))).rejects.toMatchObject({
      name: 'QueueTimeoutError',
      waitedFor: 'too late',
    });
  });
});
