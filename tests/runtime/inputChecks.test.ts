import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  QueueDeclarationError,
  safeCreateQueue,
  safeCreateQueues,
  type QueueEvent,
  type SafeCreateQueueSettings,
} from '../../src/runtime';
import { bossFactory, type BossFactory } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { PgBossVersion } from '../support/pgBossVersions';

/**
 * An instance that was never started answers any SQL with PgBossNotStartedError, so a
 * QueueDeclarationError from it proves the input was rejected before any SQL ran.
 */
for (const version of ['10.4.2', '12.38.0'] satisfies PgBossVersion[]) {
  describe(`pg-boss ${version}: input checks complete before any SQL`, () => {
    let database: TestDatabase;
    let bosses: BossFactory;

    beforeAll(async () => {
      database = await createTestDatabase(`input_${version}`);
      bosses = bossFactory(version, database);
    });
    afterEach(async () => {
      await bosses.stopAll();
    });
    afterAll(async () => {
      await database.drop();
    });

    const rejectsBeforeSql = async (call: (boss: never) => Promise<unknown>, message: RegExp) => {
      const unstarted = await bosses.create();
      const error = await call(unstarted as never).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QueueDeclarationError);
      expect((error as Error).message).toMatch(message);
    };

    // A throwing options getter surfaced as its own raw Error instead of a declaration error.
    it('wraps an options getter that throws, keeping it as the cause', async () => {
      const boom = new Error('getter boom');
      const options = Object.defineProperty({}, 'retryLimit', {
        enumerable: true,
        get() {
          throw boom;
        },
      });
      await rejectsBeforeSql((boss) => safeCreateQueue(boss, 'q', options), /reading option "retryLimit" threw/);
      const unstarted = await bosses.create();
      const error = await safeCreateQueues(unstarted, { q: options }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QueueDeclarationError);
      expect((error as Error).cause).toBe(boom);
    });

    // Settings inherited from a prototype skipped the checks but were used: an unchecked onDrift and timeoutMs.
    it('reads only the settings’ own keys, the ones it checked', async () => {
      const boss = await bosses.start();
      await safeCreateQueue(boss, 'inherited', { retryLimit: 1 });
      const settings = Object.create({ onDrift: 'error', timeoutMs: 'soon' }) as SafeCreateQueueSettings;
      const outcome = await safeCreateQueue(boss, 'inherited', { retryLimit: 9 }, settings);
      expect(outcome).toMatchObject({ status: 'exists', drift: [{ option: 'retryLimit', desired: 9, actual: 1 }] });
      await expect(safeCreateQueues(boss, { inherited: { retryLimit: 9 } }, settings)).resolves.toHaveLength(1);
    });

    // A primitive as options: pg-boss would fail with a TypeError of its own, reading it as an object.
    it.each([
      ['a string', 'retryLimit=3'],
      ['a number', 3],
    ])('rejects %s as options', async (_label, options) => {
      await rejectsBeforeSql((boss) => safeCreateQueue(boss, 'q', options as never), /must be an object, got/);
    });

    // Issue 11, problem 7: settings = null threw a TypeError; unknown settings were ignored.
    it.each([
      [null, /settings must be an object or undefined, got null/],
      [{ ondrift: 'error' }, /Unknown setting "ondrift"; the settings are onDrift, logger, schema, timeoutMs, strict/],
      [{ timeoutMs: 0 }, /settings.timeoutMs must be a number of milliseconds/],
      [{ strict: 'yes' }, /settings.strict must be true or false/],
      [{ logger: { info: () => {} } }, /settings.logger must be an object with a warn/],
      [{ logger: { warn: () => {}, error: 'stderr' } }, /settings.logger must be an object with a warn/],
      [{ schema: '' }, /settings.schema must be a non-empty string/],
    ])('rejects the settings %j', async (settings, message) => {
      await rejectsBeforeSql((boss) => safeCreateQueue(boss, 'q', {}, settings as never), message);
      await rejectsBeforeSql((boss) => safeCreateQueues(boss, { q: {} }, settings as never), message);
    });

    // Issue 11, problem 7: __proto__ and constructor keys were read as nothing, silently.
    it('reports __proto__ and constructor keys as ignored options, as pg-boss ignores them', async () => {
      const boss = await bosses.start();
      const events: QueueEvent[] = [];
      const options = JSON.parse('{"__proto__": {"retryLimit": 9}, "constructor": 1, "retryDelay": 4}') as object;
      await safeCreateQueue(boss, 'parsed', options, { logger: { warn: (_message, event) => events.push(event) } });
      expect(events).toEqual([
        { kind: 'ignored-option', queue: 'parsed', option: '__proto__' },
        { kind: 'ignored-option', queue: 'parsed', option: 'constructor' },
      ]);
      expect(await boss.getQueue('parsed')).toMatchObject({
        retryDelay: 4,
        retryLimit: version === '10.4.2' ? null : 2,
      });
      await expect(safeCreateQueue(boss, 'strictly', options, { strict: true })).rejects.toThrow(
        /option "__proto__" is ignored by the installed pg-boss version/,
      );
    });

    // pg-boss reads options.name only when the first argument is missing: another name is ignored, not used.
    it('creates the queue the first argument names, reporting a different options.name as ignored', async () => {
      const boss = await bosses.start();
      const events: QueueEvent[] = [];
      const logger = { warn: (_message: string, event: QueueEvent) => events.push(event) };
      await safeCreateQueue(boss, 'first', { name: 'second', retryLimit: 1 }, { logger });
      expect(events).toEqual([{ kind: 'ignored-option', queue: 'first', option: 'name' }]);
      expect(await boss.getQueue('first')).toMatchObject({ retryLimit: 1 });
      expect(await boss.getQueue('second')).toBeNull();
    });

    it('without a logger, reports an ignored option as the instance’s own warning event', async () => {
      const boss = await bosses.start();
      const warnings: unknown[] = [];
      (boss as unknown as NodeJS.EventEmitter).on('warning', (warning) => warnings.push(warning));
      await safeCreateQueue(boss, 'typo', { retrylimit: 3 } as never);
      expect(warnings).toEqual([
        {
          message: expect.stringContaining('option "retrylimit" is ignored by the installed pg-boss version'),
          data: { kind: 'ignored-option', queue: 'typo', option: 'retrylimit' },
        },
      ]);
    });
  });
}
