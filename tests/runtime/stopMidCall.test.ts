import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyQueueError, PgBossNotStartedError, safeCreateQueue } from '../../src/runtime';
import { useBosses } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { PgBossVersion } from '../support/pgBossVersions';

const VERSIONS: readonly PgBossVersion[] = ['10.0.3', '10.4.2', '11.1.2', '12.38.0'];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('stop');
});
afterAll(async () => {
  await database.drop();
});

describe.each(VERSIONS)('pg-boss %s: stop() while calls are in flight', (version) => {
  const bosses = useBosses(version, () => database);

  // 10.x rejected most calls with pg's raw "Cannot use a pool after calling end on the pool"; on 11/12
  // the calls waiting for a connection waited out their whole timeoutMs, then failed with QueueTimeoutError.
  it('ends every call still in flight with PgBossNotStartedError, none at its deadline', async () => {
    const boss = await bosses.start(undefined, { max: 2 });
    await safeCreateQueue(boss, 'warmup');
    const calls = Array.from({ length: 25 }, (_, index) =>
      safeCreateQueue(boss, `inflight_${index}`, { retryLimit: 1 }, { timeoutMs: 50_000 }).then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
    await boss.stop({ graceful: false, wait: true, close: true, destroy: true });
    const errors = (await Promise.all(calls)).filter((outcome) => outcome !== undefined);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(PgBossNotStartedError);
      expect(classifyQueueError(error)).toMatchObject({ kind: 'not-started', retryable: false });
    }
  });
});
