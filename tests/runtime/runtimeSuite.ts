import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  PgBossNotStartedError,
  QueueDriftError,
  safeCreateQueue,
  safeCreateQueues,
  verifyQueues,
  type DriftLogger,
  type QueueEvent,
  type QueueDrift,
} from '../../src/runtime';
import { bossFactory, newSchemaName, type BossFactory } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { majorOf, type PgBossVersion } from '../support/pgBossVersions';
import { waitFor } from '../support/waitFor';

/** Collects drift warnings instead of printing them. */
function recordingLogger(): DriftLogger & { calls: Array<{ message: string; queue: string; drift: QueueDrift[] }> } {
  const calls: Array<{ message: string; queue: string; drift: QueueDrift[] }> = [];
  return {
    calls,
    warn: (message, details) => {
      if (details.kind === 'drift') calls.push({ message, queue: details.queue, drift: details.drift });
    },
  };
}

/** The behaviour safeCreateQueue must have on one pg-boss version, against a real PostgreSQL. */
export function defineRuntimeSuite(version: PgBossVersion): void {
  const legacy = majorOf(version) === 10;
  let database: TestDatabase;
  let bosses: BossFactory;

  const countQueues = async (schema: string, name?: string): Promise<number> => {
    const rows = await database.query<{ count: string }>(
      `SELECT count(*) FROM ${schema}.queue WHERE name NOT LIKE '\\_\\_pgboss%'${name ? ' AND name = $1' : ''}`,
      name ? [name] : [],
    );
    return Number(rows[0]!.count);
  };

  beforeAll(async () => {
    database = await createTestDatabase(`v${version}`);
    bosses = bossFactory(version, database);
  });
  afterEach(async () => {
    await bosses.stopAll();
  });
  afterAll(async () => {
    await database.drop();
  });

  describe(`pg-boss ${version}: safeCreateQueue`, () => {
    it('creates an absent queue with the given options', async () => {
      const boss = await bosses.start();
      const outcome = await safeCreateQueue(boss, 'emails', { retryLimit: 3, policy: 'singleton' });
      expect(outcome).toEqual({ name: 'emails', status: 'created', drift: [] });
      expect(await boss.getQueue('emails')).toMatchObject({ name: 'emails', retryLimit: 3, policy: 'singleton' });
    });

    it('reports an existing queue as exists, without error or drift, for the same options', async () => {
      const schema = newSchemaName();
      const boss = await bosses.start(schema);
      await safeCreateQueue(boss, 'emails', { retryLimit: 3 });
      const again = await safeCreateQueue(boss, 'emails', { retryLimit: 3 });
      expect(again).toEqual({ name: 'emails', status: 'exists', drift: [] });
      expect(await countQueues(schema, 'emails')).toBe(1);
    });

    it('finds no drift between a queue created without options and a declaration of the defaults', async () => {
      const boss = await bosses.start();
      await boss.createQueue('plain', legacy ? ({ name: 'plain' } as object) : undefined);
      const logger = recordingLogger();
      const outcome = await safeCreateQueue(
        boss,
        'plain',
        { policy: 'standard', retryLimit: 2, retryDelay: 0, retryBackoff: false, expireInSeconds: 900 },
        { logger },
      );
      expect(outcome.drift).toEqual([]);
      expect(logger.calls).toEqual([]);
    });

    describe('when the stored options differ', () => {
      const declare = async (onDrift?: 'warn' | 'update' | 'error' | 'recreate' | 'ignore') => {
        const boss = await bosses.start();
        await boss.createQueue('emails', { ...(legacy ? { name: 'emails' } : {}), policy: 'singleton', retryLimit: 5 });
        const logger = recordingLogger();
        const run = () => safeCreateQueue(boss, 'emails', { policy: 'singleton', retryLimit: 9 }, { onDrift, logger });
        return { boss, logger, run };
      };
      const retryDrift: QueueDrift = { option: 'retryLimit', desired: 9, actual: 5, updatable: true };

      it('warns once through the logger by default and changes nothing', async () => {
        const { boss, logger, run } = await declare();
        expect(await run()).toEqual({ name: 'emails', status: 'exists', drift: [retryDrift] });
        expect(logger.calls).toHaveLength(1);
        expect(logger.calls[0]).toMatchObject({ queue: 'emails', drift: [retryDrift] });
        expect(logger.calls[0]!.message).toContain('retryLimit declared 9, stored 5');
        expect(await boss.getQueue('emails')).toMatchObject({ retryLimit: 5 });
      });

      it("'ignore' returns the drift without a warning", async () => {
        const { logger, run } = await declare('ignore');
        expect((await run()).drift).toEqual([retryDrift]);
        expect(logger.calls).toEqual([]);
      });

      it("'error' throws a QueueDriftError listing every difference", async () => {
        const { run } = await declare('error');
        const error = await run().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(QueueDriftError);
        expect((error as QueueDriftError).queues).toEqual([{ name: 'emails', drift: [retryDrift] }]);
        expect((error as Error).message).toContain('emails.retryLimit: declared 9, stored 5');
      });

      it("'update' applies what updateQueue can change and keeps the policy", async () => {
        const { boss, logger, run } = await declare('update');
        expect(await run()).toEqual({ name: 'emails', status: 'updated', drift: [retryDrift] });
        // 10.x resets an omitted policy to standard; the helper must send it.
        expect(await boss.getQueue('emails')).toMatchObject({ retryLimit: 9, policy: 'singleton' });
        expect(logger.calls).toEqual([]);
      });

      it("'update' warns about a policy it cannot change on 11+", async () => {
        const boss = await bosses.start();
        await boss.createQueue('reports', { ...(legacy ? { name: 'reports' } : {}), policy: 'standard' });
        const logger = recordingLogger();
        const outcome = await safeCreateQueue(boss, 'reports', { policy: 'short' }, { onDrift: 'update', logger });
        expect(outcome.drift).toEqual([{ option: 'policy', desired: 'short', actual: 'standard', updatable: legacy }]);
        expect(await boss.getQueue('reports')).toMatchObject({ policy: legacy ? 'short' : 'standard' });
        expect(logger.calls).toHaveLength(legacy ? 0 : 1);
      });

      it("'recreate' deletes and recreates an empty queue with the declared options", async () => {
        const { boss, run } = await declare('recreate');
        expect((await run()).status).toBe('recreated');
        expect(await boss.getQueue('emails')).toMatchObject({ retryLimit: 9, policy: 'singleton' });
      });

      it("'recreate' refuses a queue that holds jobs and leaves it as it was", async () => {
        const { boss, run } = await declare('recreate');
        expect(await boss.send('emails', { to: 'someone' })).toEqual(expect.any(String));
        await expect(run()).rejects.toThrow(/holds jobs/);
        expect(await boss.getQueue('emails')).toMatchObject({ retryLimit: 5 });
      });
    });

    it('lets 20 instances create the same queue at once: every call resolves, one row', async () => {
      const schema = newSchemaName();
      await bosses.start(schema);
      const instances = await Promise.all(Array.from({ length: 20 }, () => bosses.start(schema)));
      const results = await Promise.allSettled(
        instances.map((boss) => safeCreateQueue(boss, 'storm', { retryLimit: 1 })),
      );
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      expect(await countQueues(schema, 'storm')).toBe(1);
    });

    it('lets 20 instances create 20 different queues at once: every call resolves, 20 rows', async () => {
      const schema = newSchemaName();
      await bosses.start(schema);
      const instances = await Promise.all(Array.from({ length: 20 }, () => bosses.start(schema)));
      const results = await Promise.allSettled(instances.map((boss, index) => safeCreateQueue(boss, `storm-${index}`)));
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      expect(await countQueues(schema)).toBe(20);
    });

    it('never writes into the caller’s options, and accepts a frozen object', async () => {
      const boss = await bosses.start();
      const options = Object.freeze({ retryLimit: 4, policy: 'standard' });
      await expect(safeCreateQueue(boss, 'frozen', options)).resolves.toMatchObject({ status: 'created' });
      const open = { retryLimit: 4 };
      await safeCreateQueue(boss, 'open', open);
      expect(open).toEqual({ retryLimit: 4 });
    });

    it('rejects bad settings and a non-instance before any SQL (an unstarted instance is never asked)', async () => {
      const unstarted = await bosses.create();
      await expect(safeCreateQueue(unstarted, 'q', {}, { onDrift: 'sometimes' as never })).rejects.toThrow(
        /settings.onDrift must be one of/,
      );
      await expect(safeCreateQueue({} as never, 'q')).rejects.toThrow(/Expected a pg-boss 10\+ instance/);
    });

    // pg-boss's own tests assert its messages (`rejects.toThrow('retryLimit must be an integer >= 0')`).
    it('leaves values to the installed createQueue, whose own error reaches the caller, for a new or an existing queue', async () => {
      const boss = await bosses.start();
      for (const options of [{ retryLimit: -1 }, { retryLimit: '3' }, { retryLimit: undefined, retryDelay: 1 }]) {
        await expect(safeCreateQueue(boss, 'judged', options as never)).rejects.toThrow(
          'retryLimit must be an integer >= 0',
        );
      }
      expect(await boss.getQueue('judged')).toBeNull();
      await safeCreateQueue(boss, 'judged', { retryLimit: 1 });
      await expect(safeCreateQueue(boss, 'judged', { retryLimit: -1 })).rejects.toThrow(
        'retryLimit must be an integer >= 0',
      );
      expect(await boss.getQueue('judged')).toMatchObject({ retryLimit: 1 });
    });

    it('leaves out, with an ignored-option event, what the installed version ignores; strict rejects it', async () => {
      const boss = await bosses.start();
      const foreign = legacy ? { deleteAfterSeconds: 60 } : { retentionMinutes: 5 };
      const events: QueueEvent[] = [];
      const logger = { warn: (_message: string, event: QueueEvent) => events.push(event) };
      await expect(safeCreateQueue(boss, 'foreign', foreign, { logger })).resolves.toMatchObject({ status: 'created' });
      expect(events).toEqual([{ kind: 'ignored-option', queue: 'foreign', option: Object.keys(foreign)[0] }]);
      await expect(safeCreateQueue(boss, 'strict', foreign, { strict: true })).rejects.toThrow(
        legacy
          ? /stores policy, retryLimit, retryDelay, retryBackoff, expireInSeconds, retentionMinutes, deadLetter \(settings\.strict\)/
          : /which stores policy, partition, retryLimit, retryDelay, retryBackoff, retryDelayMax, expireInSeconds, retentionSeconds, deleteAfterSeconds, warningQueueSize, deadLetter/,
      );
      expect(await boss.getQueue('strict')).toBeNull();
    });

    it('leaves the unit spellings every version ignores to pg-boss, naming the option it stores instead', async () => {
      const boss = await bosses.start();
      const messages: string[] = [];
      const logger = { warn: (message: string) => messages.push(message) };
      await safeCreateQueue(boss, 'units', { retentionDays: 1, expireInMinutes: 2 }, { logger });
      // Stored as plain createQueue stores it: the spellings change nothing, so the rewrite changes nothing.
      expect(await boss.getQueue('units')).toMatchObject(
        legacy
          ? { retentionMinutes: null, expireInSeconds: null }
          : { retentionSeconds: 1209600, expireInSeconds: 900 },
      );
      expect(messages).toEqual([
        expect.stringContaining(
          `declare ${legacy ? 'retentionMinutes: 1440' : 'retentionSeconds: 86400'} for the same`,
        ),
        expect.stringContaining('declare expireInSeconds: 120 for the same duration'),
      ]);
    });

    it('throws a clear error on an instance that was not started', async () => {
      const unstarted = await bosses.create();
      await expect(safeCreateQueue(unstarted, 'early')).rejects.toThrow(PgBossNotStartedError);
    });

    it('surfaces a connection lost mid-call as an error and leaves nothing half-created', async () => {
      const schema = newSchemaName();
      const applicationName = `victim_${schema}`;
      const boss = await bosses.start(schema, { application_name: applicationName, max: 1 });
      await safeCreateQueue(boss, 'warmup');
      const locker = await database.query('SELECT 1');
      expect(locker).toHaveLength(1);
      // SHARE mode lets getQueue read but blocks the INSERT of createQueue until the backend is killed.
      const blocker = await import('pg').then(({ default: pg }) => new pg.Client({ connectionString: database.url }));
      await blocker.connect();
      try {
        await blocker.query(`BEGIN; LOCK TABLE ${schema}.queue IN SHARE MODE`);
        const call = safeCreateQueue(boss, 'doomed').then(
          () => undefined,
          (error: unknown) => error,
        );
        await waitFor(async () => {
          const rows = await database.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
            [applicationName],
          );
          return rows.length > 0;
        });
        await database.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [
          applicationName,
        ]);
        const error = await call;
        expect(error).toBeInstanceOf(Error);
        expect(String((error as Error).message)).toMatch(/terminat/i);
      } finally {
        await blocker.query('ROLLBACK');
        await blocker.end();
      }
      expect(await countQueues(schema, 'doomed')).toBe(0);
      const partitions = await database.query(
        `SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 'doomed'`,
        [schema],
      );
      expect(partitions).toEqual([]);
    });
  });

  describe(`pg-boss ${version}: safeCreateQueues and verifyQueues`, () => {
    it('creates dead-letter queues before the queues that name them, in one call', async () => {
      const boss = await bosses.start();
      const outcomes = await safeCreateQueues(boss, {
        emails: { deadLetter: 'emails_dlq', retryLimit: 2 },
        emails_dlq: {},
      });
      expect(outcomes).toEqual([
        { name: 'emails', status: 'created', drift: [] },
        { name: 'emails_dlq', status: 'created', drift: [] },
      ]);
      expect(await boss.getQueue('emails')).toMatchObject({ deadLetter: 'emails_dlq' });
      const again = await safeCreateQueues(boss, [
        { name: 'emails', options: { deadLetter: 'emails_dlq', retryLimit: 2 } },
        { name: 'emails_dlq' },
      ]);
      expect(again.map((outcome) => outcome.status)).toEqual(['exists', 'exists']);
    });

    it('rejects a dead-letter cycle and an undeclared missing dead letter before creating anything', async () => {
      const schema = newSchemaName();
      const boss = await bosses.start(schema);
      await expect(safeCreateQueues(boss, { a: { deadLetter: 'b' }, b: { deadLetter: 'a' } })).rejects.toThrow(
        /Dead-letter cycle: a → b → a/,
      );
      await expect(safeCreateQueues(boss, { c: {}, d: { deadLetter: 'nowhere' } })).rejects.toThrow(
        /names deadLetter "nowhere", which is neither declared nor existing/,
      );
      expect(await countQueues(schema)).toBe(0);
    });

    it('with onDrift error, creates everything first and then lists every drifted queue', async () => {
      const boss = await bosses.start();
      await boss.createQueue('one', { ...(legacy ? { name: 'one' } : {}), retryLimit: 1 });
      await boss.createQueue('two', { ...(legacy ? { name: 'two' } : {}), retryLimit: 1 });
      const error = await safeCreateQueues(
        boss,
        { one: { retryLimit: 5 }, two: { retryLimit: 6 }, three: {} },
        { onDrift: 'error' },
      ).catch((caught: unknown) => caught);
      expect((error as QueueDriftError).queues.map((queue) => queue.name)).toEqual(['one', 'two']);
      expect(await boss.getQueue('three')).not.toBeNull();
    });

    it('verifyQueues reports missing and drifted queues and writes nothing', async () => {
      const schema = newSchemaName();
      const boss = await bosses.start(schema);
      await safeCreateQueue(boss, 'present', { retryLimit: 1 });
      await safeCreateQueue(boss, 'fine');
      const report = await verifyQueues(boss, { present: { retryLimit: 3 }, fine: {}, absent: {} });
      expect(report).toEqual({
        ok: false,
        missing: ['absent'],
        drifted: [{ name: 'present', drift: [{ option: 'retryLimit', desired: 3, actual: 1, updatable: true }] }],
      });
      expect(await countQueues(schema)).toBe(2);
      expect(await verifyQueues(boss, { fine: {} })).toEqual({ ok: true, missing: [], drifted: [] });
    });
  });
}
