import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyQueueError,
  PgBossPermissionError,
  PgBossSchemaNotFoundError,
  safeCreateQueue,
  verifyQueues,
} from '../../src/runtime';
import { bossFactory, newSchemaName, type BossFactory } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { majorOf, PG_BOSS_VERSIONS } from '../support/pgBossVersions';

describe.each(PG_BOSS_VERSIONS)('pg-boss %s: drift and schema resolution', (version) => {
  const legacy = majorOf(version) === 10;
  let database: TestDatabase;
  let bosses: BossFactory;

  beforeAll(async () => {
    database = await createTestDatabase(`drift_${version}`);
    bosses = bossFactory(version, database);
  });
  afterEach(async () => {
    await bosses.stopAll();
  });
  afterAll(async () => {
    await database.drop();
  });

  // Issue 11, problem 5: pg-boss writes the schema unquoted, so PostgreSQL stores it in lower case.
  it('works on a schema whose configured name has capitals', async () => {
    const boss = await bosses.start(`S_Mixed${randomUUID().slice(0, 8)}`);
    expect(await safeCreateQueue(boss, 'mixed', { retryLimit: 2 })).toMatchObject({ status: 'created' });
    expect(await safeCreateQueue(boss, 'mixed', { retryLimit: 2 })).toEqual({
      name: 'mixed',
      status: 'exists',
      drift: [],
    });
    expect(await verifyQueues(boss, { mixed: { retryLimit: 2 } })).toEqual({ ok: true, missing: [], drifted: [] });
  });

  if (majorOf(version) === 12)
    it("works on pg-boss 12's documented quoted schema form", async () => {
      const schema = `Quoted${randomUUID().slice(0, 8)}`;
      const boss = await bosses.start(`"${schema}"`);
      expect(await safeCreateQueue(boss, 'quoted', { retryLimit: 1 })).toMatchObject({ status: 'created' });
      const rows = await database.query(`SELECT retry_limit FROM "${schema}".queue WHERE name = 'quoted'`);
      expect(rows).toEqual([{ retry_limit: 1 }]);
    });

  // Issue 11, problem 7: settings.schema was read once per instance and then ignored.
  it('respects settings.schema on every call, not only the first', async () => {
    const boss = await bosses.start();
    await expect(safeCreateQueue(boss, 'first')).resolves.toMatchObject({ status: 'created' });
    const error = await safeCreateQueue(boss, 'second', {}, { schema: 'nowhere' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PgBossSchemaNotFoundError);
    expect(error).toMatchObject({ code: 'ERR_PGBOSS_SCHEMA_NOT_FOUND', schema: 'nowhere' });
    expect(classifyQueueError(error)).toMatchObject({ kind: 'schema-not-installed', retryable: false });
    expect(await boss.getQueue('second')).toBeNull();
  });

  // Issue 11, problem 7: a missing privilege was reported as "No pg-boss queue table".
  it('reports a role that may not use the schema as a permission error, not a missing schema', async () => {
    const schema = newSchemaName();
    await bosses.start(schema);
    const role = `r_${randomUUID().slice(0, 8)}`;
    await database.query(`CREATE ROLE ${role} LOGIN PASSWORD 'secret'`);
    await database.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    await database.query(`GRANT ALL ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    const url = new URL(database.url);
    url.username = role;
    url.password = 'secret';
    const limited = await bosses.start(schema, { connectionString: url.href });
    await database.query(`REVOKE USAGE ON SCHEMA ${schema} FROM ${role}`);

    const error = await safeCreateQueue(limited, 'denied').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PgBossPermissionError);
    expect((error as Error).message).toContain(
      `Role "${role}" lacks USAGE on the schema in pg-boss schema "${schema}"`,
    );
    // What pg-boss itself throws for the same role: PostgreSQL's 42501.
    const raw = await limited.getQueue('denied').catch((caught: unknown) => caught);
    expect(raw).toMatchObject({ code: '42501' });
    expect(classifyQueueError(raw)).toMatchObject({ kind: 'permission-denied', retryable: false, code: '42501' });
  });

  // Issue 11, problem 4: 10.x folds the instance's retentionDays/Hours/Seconds into keepUntil.
  if (legacy)
    it.each([
      { setting: { retentionDays: 30 }, minutes: 30 * 24 * 60 },
      { setting: { retentionHours: 5 }, minutes: 300 },
      { setting: { retentionSeconds: 90 }, minutes: 1.5 },
    ])('reads a queue without retention as the instance applies $setting', async ({ setting, minutes }) => {
      const schema = newSchemaName();
      const boss = await bosses.start(schema, setting);
      await safeCreateQueue(boss, 'kept');
      // What 10.x really applies to a job of that queue.
      await boss.send('kept', {});
      const [job] = await database.query<{ minutes: string }>(
        `SELECT extract(epoch FROM keep_until - start_after) / 60 AS minutes FROM ${schema}.job WHERE name = 'kept'`,
      );
      expect(Number(job!.minutes)).toBe(minutes);

      if (Number.isInteger(minutes)) {
        // Was false drift, which throws at boot with onDrift: 'error'.
        const same = await safeCreateQueue(boss, 'kept', { retentionMinutes: minutes }, { onDrift: 'error' });
        expect(same.drift).toEqual([]);
      }
      // Was missed drift: the helper compared against pg-boss's 14-day default.
      const other = await safeCreateQueue(boss, 'kept', { retentionMinutes: 14 * 24 * 60 }, { onDrift: 'ignore' });
      expect(other.drift).toEqual([
        { option: 'retentionMinutes', desired: 14 * 24 * 60, actual: minutes, updatable: true },
      ]);
    });
});
