import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBossNotStartedError, QueueDeclarationError, safeCreateQueue, safeCreateQueues } from '../../src/runtime';
import { bossFactory, type BossFactory } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { PgBossVersion, TestBoss } from '../support/pgBossVersions';

/**
 * Values each version's own createQueue asserts against, on both sides of its limits. The helper must
 * reject exactly these before any SQL touches a queue, and pass the others through.
 */
const VALUES: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ['policy exclusive (11+)', { policy: 'exclusive' }],
  ['policy key_strict_fifo (12.10+)', { policy: 'key_strict_fifo' }],
  ['policy bogus', { policy: 'bogus' }],
  ['expireInSeconds just under 24 h', { expireInSeconds: 24 * 60 * 60 - 1 }],
  ['expireInSeconds of 24 h (12.38 inclusive)', { expireInSeconds: 24 * 60 * 60 }],
  ['expireInSeconds of PostgreSQL’s integer', { expireInSeconds: 2_147_483_647 }],
  ['deleteAfterSeconds 0 (12.7+: never)', { deleteAfterSeconds: 0 }],
  ['deleteAfterSeconds 1', { deleteAfterSeconds: 1 }],
  ['heartbeatSeconds 5', { heartbeatSeconds: 5 }],
  ['heartbeatSeconds 10', { heartbeatSeconds: 10 }],
  ['retryDelayMax without retryBackoff', { retryDelayMax: 5 }],
  ['retryDelayMax with retryBackoff', { retryDelayMax: 5, retryBackoff: true }],
  ['a null retryDelayMax without retryBackoff', { retryDelayMax: null }],
];

/**
 * 11.x's queue table is also 12.0–12.11's, which accept these: there the helper leaves them to pg-boss, so
 * it never rejects what a createQueue of those columns accepts.
 */
const LEFT_TO_PG_BOSS_ON_11 = new Set([
  'policy key_strict_fifo (12.10+)',
  'expireInSeconds of 24 h (12.38 inclusive)',
  'deleteAfterSeconds 0 (12.7+: never)',
]);

for (const version of ['10.4.2', '11.1.2', '12.38.0'] satisfies PgBossVersion[]) {
  describe(`pg-boss ${version}: rejects before SQL exactly what createQueue asserts against`, () => {
    let database: TestDatabase;
    let bosses: BossFactory;
    let live: TestBoss;
    /** Its capabilities are cached, then it is stopped: any further SQL fails with PgBossNotStartedError. */
    let stopped: TestBoss;

    beforeAll(async () => {
      database = await createTestDatabase(`rules_${version.replaceAll('.', '_')}`);
      bosses = bossFactory(version, database);
      live = await bosses.start();
      stopped = await bossFactory(version, database).start();
      await safeCreateQueue(stopped, 'warm');
      await stopped.stop({ graceful: false, wait: true, close: true, destroy: true });
    });
    afterAll(async () => {
      await bosses.stopAll();
      await database.drop();
    });

    it.each(VALUES)('%s', async (label, options) => {
      const plain = `plain_${label.replace(/\W+/g, '_')}`;
      const pgBossAccepts = await live.createQueue(plain, { ...options }).then(
        () => true,
        () => false,
      );
      const outcome = await safeCreateQueue(stopped, plain, { ...options } as never).catch((error: unknown) => error);
      const helperRejects = !pgBossAccepts && !(version.startsWith('11.') && LEFT_TO_PG_BOSS_ON_11.has(label));
      // Passing the checks means reaching SQL, which the stopped instance refuses.
      expect(outcome).toBeInstanceOf(helperRejects ? QueueDeclarationError : PgBossNotStartedError);
    });

    it('a queue as its own dead letter (11+ refuse it)', async () => {
      const pgBossAccepts = await live.createQueue('itself', { deadLetter: 'itself' }).then(
        () => true,
        () => false,
      );
      const outcome = await safeCreateQueue(stopped, 'itself', { deadLetter: 'itself' }).catch(
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(pgBossAccepts ? PgBossNotStartedError : QueueDeclarationError);
    });

    // A bad policy on an existing queue came back as drift (and updatable on 10.x) instead of rejected.
    it('rejects a policy the version does not know on an existing queue too', async () => {
      await safeCreateQueue(live, 'existing', { policy: 'short' });
      await expect(safeCreateQueue(live, 'existing', { policy: 'bogus' })).rejects.toThrow(
        /policy must be one of standard, short, singleton, stately/,
      );
      await expect(safeCreateQueues(live, { existing: { policy: 'bogus' } }, { onDrift: 'update' })).rejects.toThrow(
        QueueDeclarationError,
      );
      expect(await live.getQueue('existing')).toMatchObject({ policy: 'short' });
    });
  });
}
