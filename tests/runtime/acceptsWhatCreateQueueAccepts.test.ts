import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeCreateQueue } from '../../src/runtime';
import { bossFactory, newSchemaName, type BossFactory } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { PgBossVersion, TestBoss } from '../support/pgBossVersions';

/**
 * The codemod's contract: after `boss.createQueue(name, options)` becomes `safeCreateQueue(boss, name,
 * options)`, whatever the installed createQueue accepted is still accepted and stores the same queue.
 * Each shape is built twice (10.x–12.3 write into the object they get), for `name` and the dead letter.
 */
const SHAPES: Record<string, (name: string, deadLetter: string) => object | undefined> = {
  'no options': () => undefined,
  'an empty object': () => ({}),
  // The rewrite of `createQueue(dlq, { ...queueOptions, name: dlq })` (issue 10's real case).
  'a spread with name equal to the queue': (name) => ({ ...{ retryLimit: 5, retryDelay: 60 }, name }),
  'only name, as 10.x types require': (name) => ({ name }),
  'name and a dead letter': (name, deadLetter) => ({ name, policy: 'standard', deadLetter, retryLimit: 3 }),
  'a key no version knows': () => ({ retryLimit: 1, retrylimit: 7, priority: 2 }),
  'retentionMinutes (10.x only)': () => ({ retentionMinutes: 60 }),
  'retentionSeconds (11+ only)': () => ({ retentionSeconds: 3600 }),
  'deleteAfterSeconds and warningQueueSize (11+ only)': () => ({ deleteAfterSeconds: 60, warningQueueSize: 10 }),
  '10.x types’ unit spellings': () => ({ retentionDays: 7, retentionHours: 2, expireInMinutes: 5, expireInHours: 1 }),
  'backoff with a maximum delay': () => ({ retryBackoff: true, retryDelay: 2, retryDelayMax: 30 }),
  'a policy and expiry': () => ({ policy: 'singleton', expireInSeconds: 120 }),
  'a null dead letter': () => ({ deadLetter: null, retryLimit: 2 }),
  'a null maximum delay and heartbeat': () => ({ retryDelayMax: null, heartbeatSeconds: null }),
  'a null policy': () => ({ policy: null }),
  'undefined values': () => ({ retryLimit: undefined, retryDelay: 3 }),
  'a frozen object': () => Object.freeze({ retryLimit: 4, policy: 'short' }),
  'a frozen object with name': (name) => Object.freeze({ name, expireInSeconds: 60 }),
  'a null-prototype object': () => Object.assign(Object.create(null) as object, { retryLimit: 6 }),
};

/** Columns that describe the queue, not its name, its table or when it was written. */
const IDENTITY_COLUMNS = new Set(['name', 'created_on', 'updated_on', 'partition_name', 'table_name']);

for (const version of ['10.4.2', '11.1.2', '12.38.0'] satisfies PgBossVersion[]) {
  describe(`pg-boss ${version}: safeCreateQueue accepts every options object createQueue accepts`, () => {
    let database: TestDatabase;
    let bosses: BossFactory;
    let boss: TestBoss;
    const schema = newSchemaName();

    beforeAll(async () => {
      database = await createTestDatabase(`accepts_${version}`);
      bosses = bossFactory(version, database);
      boss = await bosses.start(schema);
      await boss.createQueue('dlq', { name: 'dlq' } as object);
    });
    afterAll(async () => {
      await bosses.stopAll();
      await database.drop();
    });

    const storedRow = async (name: string): Promise<Record<string, unknown>> => {
      const [row] = await database.query(`SELECT * FROM ${schema}.queue WHERE name = $1`, [name]);
      expect(row, `queue ${name}`).toBeDefined();
      return Object.fromEntries(Object.entries(row!).filter(([column]) => !IDENTITY_COLUMNS.has(column)));
    };

    it.each(Object.entries(SHAPES))('%s', async (label, shape) => {
      const slug = label.replace(/\W+/g, '_');
      const plain = `plain_${slug}`;
      const safe = `safe_${slug}`;
      const accepted = await boss.createQueue(plain, shape(plain, 'dlq')).then(
        () => true,
        () => false,
      );
      if (!accepted) {
        // No promise to keep; safeCreateQueue may still accept it, but never stores a half queue.
        expect(await boss.getQueue(plain)).toBeNull();
        return;
      }
      await expect(safeCreateQueue(boss, safe, shape(safe, 'dlq') as never)).resolves.toMatchObject({
        status: 'created',
      });
      expect(await storedRow(safe)).toEqual(await storedRow(plain));
    });

    it('accepted every shape that is not a known rejection of this version', async () => {
      // Guards the table above against becoming a list of shapes every version rejects.
      const rejected: string[] = [];
      for (const [label, shape] of Object.entries(SHAPES)) {
        const name = `probe_${label.replace(/\W+/g, '_')}`;
        await boss.createQueue(name, shape(name, 'dlq')).catch(() => rejected.push(label));
      }
      const expected: Record<string, string[]> = {
        '10.4.2': ['a null dead letter', 'a null policy', 'undefined values'],
        // 11.x writes `policy` into the object it gets.
        '11.1.2': ['undefined values', 'a frozen object', 'a frozen object with name'],
        '12.38.0': ['undefined values'],
      };
      expect(rejected).toEqual(expected[version]);
    });
  });
}
