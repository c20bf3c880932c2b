import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { safeCreateQueue } from '../../src/runtime';
import { newSchemaName, useBosses } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import type { PgBossVersion, TestBoss } from '../support/pgBossVersions';

/**
 * On 10.x the helper reads an existing queue's row itself, only the declared options' columns, through
 * the instance's `executeSql` (pg-boss's getQueue parses two timestamps it never compares). These tests
 * hold that read to getQueue's: every option 10.x stores compares as getQueue returns it, and an
 * instance on a custom `db` is read through that `db`.
 */
const VERSIONS: readonly PgBossVersion[] = ['10.0.3', '10.4.2'];

/** A statement as pg takes it: its text, or a named statement prepared once per connection. */
type Statement = string | { name: string; text: string; values: unknown[] };

/** What the helper sends its statements through. */
interface SqlExecutor {
  executeSql(statement: Statement, values?: unknown[]): Promise<unknown>;
}

/** The instance's executeSql, and every statement it is given from now on, in order. */
function recordStatements(boss: object): { sent: Statement[]; executeSql: SqlExecutor['executeSql'] } {
  const db = (boss as { getDb(): SqlExecutor }).getDb();
  const executeSql = db.executeSql.bind(db);
  const sent: Statement[] = [];
  db.executeSql = (statement, values) => {
    sent.push(statement);
    return executeSql(statement, values);
  };
  return { sent, executeSql };
}

/** Every option 10.x stores, and a second value for each. */
const STORED = {
  policy: 'short',
  retryLimit: 5,
  retryDelay: 7,
  retryBackoff: true,
  expireInSeconds: 120,
  retentionMinutes: 90,
  deadLetter: 'first_dlq',
};
const OTHER = {
  policy: 'singleton',
  retryLimit: 6,
  retryDelay: 8,
  retryBackoff: false,
  expireInSeconds: 121,
  retentionMinutes: 91,
  deadLetter: 'second_dlq',
};

const database = useTestDatabase('compared_row');

describe.each(VERSIONS)('pg-boss %s: the stored row the helper compares', (version) => {
  const bosses = useBosses(version, database);

  it('holds every stored option as getQueue returns it', async () => {
    const boss = await bosses.start();
    for (const name of ['first_dlq', 'second_dlq']) await boss.createQueue(name, { name });
    await boss.createQueue('full', { name: 'full', ...STORED });
    const row = (await boss.getQueue('full')) as Record<string, unknown>;

    expect(await safeCreateQueue(boss, 'full', STORED)).toEqual({ name: 'full', status: 'exists', drift: [] });
    const { drift } = await safeCreateQueue(boss, 'full', OTHER, { onDrift: 'ignore' });
    expect(Object.fromEntries(drift.map((item) => [item.option, item.actual]))).toEqual(
      Object.fromEntries(Object.keys(STORED).map((option) => [option, row[option]])),
    );
    expect(Object.fromEntries(drift.map((item) => [item.option, item.desired]))).toEqual(OTHER);
  });

  it('reads through a custom db, one statement for an existing queue', async () => {
    const pool = new pg.Pool({ connectionString: database().url, max: 2 });
    const sent: string[] = [];
    const db = {
      executeSql: async (text: string, values?: unknown[]) => {
        sent.push(text);
        return pool.query(text, values);
      },
    };
    // A custom db carries no schema the helper could read: it is named in the settings.
    const settings = { schema: newSchemaName() };
    try {
      const boss = await bosses.start(settings.schema, { db });
      await safeCreateQueue(boss, 'custom', { retryLimit: 3 }, settings);
      sent.length = 0;
      expect(await safeCreateQueue(boss, 'custom', { retryLimit: 3 }, settings)).toEqual({
        name: 'custom',
        status: 'exists',
        drift: [],
      });
      // Plain: a custom db may not hand a named statement on to pg.
      expect(sent).toEqual([expect.any(String)]);
      expect(
        await safeCreateQueue(boss, 'custom', { retryLimit: 4 }, { ...settings, onDrift: 'ignore' }),
      ).toMatchObject({
        drift: [{ option: 'retryLimit', desired: 4, actual: 3 }],
      });
      await bosses.stopAll();
    } finally {
      await pool.end();
    }
  });

  it("reads its own columns when the settings spell the instance's schema otherwise", async () => {
    const schema = `S_Mixed${newSchemaName()}`;
    const boss = await bosses.start(schema);
    await boss.createQueue('spelt', { name: 'spelt', retryLimit: 3 });
    const { sent } = recordStatements(boss);
    // The instance's own spelling, then the name PostgreSQL folds it to: the same schema either way.
    for (const settings of [undefined, { schema: schema.toLowerCase() }]) {
      await safeCreateQueue(boss, 'spelt', { retryLimit: 3 }, settings);
      sent.length = 0;
      expect(await safeCreateQueue(boss, 'spelt', { retryLimit: 3 }, settings)).toEqual({
        name: 'spelt',
        status: 'exists',
        drift: [],
      });
      expect(sent).toEqual([
        expect.objectContaining({
          text: `SELECT name, retry_limit AS "retryLimit" FROM "${schema.toLowerCase()}".queue WHERE name = $1`,
        }),
      ]);
    }
  });

  describe("a named statement on the instance's own db", () => {
    const EXISTS = { name: 'prepared', status: 'exists', drift: [] };
    const declare = (boss: TestBoss) => safeCreateQueue(boss, 'prepared', { retryLimit: 3 });
    /** The statements that read the queue's row, the capability query and the test's own left out. */
    const reads = (sent: Statement[]) =>
      sent.filter((statement) =>
        /\.queue WHERE name = \$1$/.test(typeof statement === 'string' ? statement : statement.text),
      );

    /** An instance on one connection, the queue created, and the helper's named read once run on it. */
    async function prepared(schema = newSchemaName()) {
      const boss = await bosses.start(schema, { max: 1 });
      await boss.createQueue('prepared', { name: 'prepared', retryLimit: 3 });
      const recorded = recordStatements(boss);
      expect(await declare(boss)).toEqual(EXISTS);
      const [named] = reads(recorded.sent.splice(0));
      expect(named).toEqual({ name: expect.any(String), text: expect.any(String), values: ['prepared'] });
      return { boss, schema, ...recorded, named: named as Exclude<Statement, string> };
    }

    it('is the same statement on every call, so the connection parses and plans it once', async () => {
      const { boss, sent, named } = await prepared();
      expect(await declare(boss)).toEqual(EXISTS);
      expect(sent).toEqual([named]);
    });

    // Each distinct text is one more statement on every connection and one more name kept by the helper:
    // the orders an app writes one set of options in must not multiply them (7 options: 13,700 orders, 128 sets).
    it('is the same statement whatever order the options are declared in', async () => {
      const { boss, sent } = await prepared();
      const both = { retryLimit: 3, policy: 'standard' };
      expect(await safeCreateQueue(boss, 'prepared', both)).toEqual(EXISTS);
      expect(await safeCreateQueue(boss, 'prepared', { policy: both.policy, retryLimit: both.retryLimit })).toEqual(
        EXISTS,
      );
      const [first, second] = reads(sent);
      expect(second).toEqual(first);
    });

    // A pooler in transaction mode hands the client another server connection, where it was never prepared.
    it('is sent plain, from then on, when the server no longer has it (26000)', async () => {
      const { boss, sent, named, executeSql } = await prepared();
      await executeSql('DEALLOCATE ALL');
      expect(await declare(boss)).toEqual(EXISTS);
      expect(await declare(boss)).toEqual(EXISTS);
      expect(reads(sent)).toEqual([named, named.text, named.text]);
    });

    // The same pooler, on a server connection where another client prepared the name.
    it('is sent plain when the connection already has a statement of that name (42P05)', async () => {
      const { named, schema } = await prepared();
      const boss = await bosses.start(schema, { max: 1 });
      const { sent, executeSql } = recordStatements(boss);
      await executeSql(`PREPARE "${named.name}" AS SELECT 1`);
      expect(await declare(boss)).toEqual(EXISTS);
      expect(reads(sent)).toEqual([named, named.text]);
    });

    it('is sent plain when a change of its table changed the type of its result (0A000)', async () => {
      const { boss, sent, named, schema, executeSql } = await prepared();
      await executeSql(`ALTER TABLE "${schema}".queue ALTER COLUMN retry_limit TYPE bigint`);
      expect(await declare(boss)).toEqual(EXISTS);
      expect(reads(sent)).toEqual([named, named.text]);
    });
  });

  it('reads through getQueue on a custom db whose schema the settings do not name', async () => {
    const pool = new pg.Pool({ connectionString: database().url, max: 2 });
    const db = { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) };
    try {
      // The default schema, which the helper assumes for such an instance, holds another queue of the same name.
      const other = await bosses.start('pgboss');
      await other.createQueue('shared', { name: 'shared', retryLimit: 9 });
      const boss = await bosses.start(newSchemaName(), { db });
      for (const name of ['shared', 'own']) {
        await boss.createQueue(name, { name, retryLimit: 1 });
        expect(await safeCreateQueue(boss, name, { retryLimit: 1 })).toEqual({ name, status: 'exists', drift: [] });
      }
      await bosses.stopAll();
    } finally {
      await pool.end();
    }
  });
});
