import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  classifyQueueError,
  PgBossNotStartedError,
  QueueTimeoutError,
  resetQueues,
  safeCreateQueue,
  safeCreateQueues,
} from '../../src/runtime';
import { newSchemaName, useBosses } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import type { PgBossVersion } from '../support/pgBossVersions';
import { waitFor } from '../support/waitFor';

const VERSIONS: readonly PgBossVersion[] = ['10.0.3', '10.4.2', '11.1.2', '12.38.0'];

const database = useTestDatabase('bounded');

/** Holds a table lock from a connection of its own until `release()`. */
async function lockTable(table: string, mode: string): Promise<{ release(): Promise<void> }> {
  const blocker = new pg.Client({ connectionString: database().url });
  await blocker.connect();
  await blocker.query(`BEGIN; LOCK TABLE ${table} IN ${mode} MODE`);
  return {
    async release() {
      await blocker.query('ROLLBACK');
      await blocker.end();
    },
  };
}

const backendsOf = (applicationName: string, where: string) =>
  database().query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND ${where}`, [
    applicationName,
  ]);

describe.each(VERSIONS)('pg-boss %s: every call ends within settings.timeoutMs', (version) => {
  const bosses = useBosses(version, database);

  // pg-boss 11/12 wait 30 s for a held lock and the helper retried that 12 times: about 6 minutes.
  it('fails with QueueTimeoutError naming the create when a lock on the queue table is held', async () => {
    const schema = newSchemaName();
    const boss = await bosses.start(schema);
    await safeCreateQueue(boss, 'warmup');
    // SHARE lets getQueue read and blocks the create's INSERT.
    const lock = await lockTable(`${schema}.queue`, 'SHARE');
    try {
      const error = await safeCreateQueue(boss, 'blocked', {}, { timeoutMs: 1_500 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QueueTimeoutError);
      expect(classifyQueueError(error)).toMatchObject({ kind: 'timed-out', retryable: true });
      expect(error).toMatchObject({
        code: 'ERR_QUEUE_TIMEOUT',
        waitedFor: 'createQueue("blocked")',
        timeoutMs: 1_500,
      });
      expect((error as Error).message).toMatch(
        /^createQueue\("blocked"\) did not complete within settings\.timeoutMs \(1500 ms\)/,
      );
    } finally {
      await lock.release();
    }
  });

  it('fails with QueueTimeoutError naming the lookup when even reads are locked out', async () => {
    const schema = newSchemaName();
    const boss = await bosses.start(schema);
    await safeCreateQueues(boss, { warmup: {} });
    const lock = await lockTable(`${schema}.queue`, 'ACCESS EXCLUSIVE');
    try {
      await expect(safeCreateQueues(boss, { a: {}, b: {} }, { timeoutMs: 1_000 })).rejects.toMatchObject({
        name: 'QueueTimeoutError',
        waitedFor: 'getQueues',
      });
    } finally {
      await lock.release();
    }
  });

  // On 10.x resetQueues deleted jobs with statements outside the deadline: a held lock kept it waiting past timeoutMs.
  it('ends resetQueues with QueueTimeoutError when a lock on the job table is held', async () => {
    const schema = newSchemaName();
    const boss = await bosses.start(schema);
    await safeCreateQueues(boss, { held: {} });
    const lock = await lockTable(`${schema}.job`, 'ACCESS EXCLUSIVE');
    try {
      await expect(resetQueues(boss, { held: {} }, { timeoutMs: 1_000 })).rejects.toBeInstanceOf(QueueTimeoutError);
    } finally {
      await lock.release();
    }
  });

  // After stop(), 10/11 failed with their own "Cannot destructure property 'rows'" and 12 with "Database not opened".
  it('rejects with PgBossNotStartedError after boss.stop()', async () => {
    const boss = await bosses.start();
    await safeCreateQueue(boss, 'before');
    await boss.stop({ graceful: false, wait: true, close: true });
    await expect(safeCreateQueue(boss, 'after')).rejects.toBeInstanceOf(PgBossNotStartedError);
    await expect(safeCreateQueues(boss, { before: {}, after: {} })).rejects.toBeInstanceOf(PgBossNotStartedError);
  });
});

describe.each(['10.0.3', '10.4.2'] as const)('pg-boss %s: the 10.x create lock', (version) => {
  const bosses = useBosses(version, database);

  // The lock-holding connection had no 'error' listener: a terminated backend crashed the process.
  it('survives the lock connection being terminated while it holds the lock', async () => {
    const schema = newSchemaName();
    const applicationName = `locker_${schema}`;
    const boss = await bosses.start(schema, { application_name: applicationName, max: 3 });
    await safeCreateQueue(boss, 'warmup');
    const lock = await lockTable(`${schema}.queue`, 'SHARE');
    let outcome: Promise<unknown>;
    try {
      // The create waits on the table lock while another connection holds the create lock.
      outcome = safeCreateQueue(boss, 'held').then(
        (result) => result.status,
        (error: unknown) => error,
      );
      await waitFor(
        async () =>
          (await backendsOf(applicationName, `query LIKE '%pg_advisory_xact_lock%' AND state = 'idle in transaction'`))
            .length === 1,
      );
      await database().query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE '%pg_advisory_xact_lock%'`,
        [applicationName],
      );
      await waitFor(
        async () => (await backendsOf(applicationName, `query LIKE '%pg_advisory_xact_lock%'`)).length === 0,
      );
    } finally {
      await lock.release();
    }
    // The create ran on its own connection and committed; losing the lock's connection changes nothing.
    expect(await outcome).toBe('created');
    await expect(safeCreateQueue(boss, 'afterwards')).resolves.toMatchObject({ status: 'created' });
    expect(await boss.getQueue('held')).toMatchObject({ name: 'held' });
  });

  // The failed create awaited ROLLBACK on the lock connection without a bound: a frozen backend (a network
  // partition) kept the call pending until its deadline, lost the real error, and held up every later create.
  it('reports the create’s own error at once, without waiting on a lock connection that no longer answers', async () => {
    const schema = newSchemaName();
    const applicationName = `frozen_${schema}`;
    const boss = await bosses.start(schema, { application_name: applicationName, max: 4 });
    await safeCreateQueue(boss, 'warmup');
    // The create waits on the job table (10.x adds a partition to it) while another connection holds the create lock.
    const lock = await lockTable(`${schema}.job`, 'ACCESS EXCLUSIVE');
    let locked = true;
    let frozenPid: number | undefined;
    try {
      const first = safeCreateQueue(boss, 'first', {}, { timeoutMs: 30_000 }).catch((error: unknown) => error);
      await waitFor(async () => (await backendsOf(applicationName, `wait_event_type = 'Lock'`)).length === 1);
      const [holder] = await database().query<{ pid: number }>(
        `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a USING (pid)
         WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = $1`,
        [applicationName],
      );
      frozenPid = holder!.pid;
      process.kill(frozenPid, 'SIGSTOP');
      await database().query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
        [applicationName],
      );
      locked = false;
      await lock.release();
      expect(await first).toMatchObject({ code: '57P01' });
      // The instance is free for other calls: an existing queue is still reported while the backend is frozen.
      await expect(safeCreateQueue(boss, 'warmup', {}, { timeoutMs: 5_000 })).resolves.toMatchObject({
        status: 'exists',
      });
    } finally {
      if (frozenPid !== undefined) process.kill(frozenPid, 'SIGCONT');
      if (locked) await lock.release();
    }
    await expect(safeCreateQueue(boss, 'afterwards')).resolves.toMatchObject({ status: 'created' });
  });
});
