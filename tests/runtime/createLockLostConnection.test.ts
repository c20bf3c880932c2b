import type { EventEmitter } from 'node:events';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { safeCreateQueue } from '../../src/runtime';
import { newSchemaName, useBosses } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import { waitFor } from '../support/waitFor';

const database = useTestDatabase('create_lock_lost');

/** Another process's transaction holding the create lock of `schema` until `release` is called. */
async function holdLock(schema: string): Promise<{ release(): Promise<void> }> {
  const holder = new pg.Client({ connectionString: database().url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pg-boss-create-queue:${schema}`]);
  return {
    async release() {
      await holder.query('COMMIT');
      await holder.end();
    },
  };
}

/** The backends waiting for an advisory lock in the test database, as an attempt of the create lock does. */
async function lockWaiters(): Promise<number[]> {
  const rows = await database().query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'`,
  );
  return rows.map((row) => row.pid);
}

describe('pg-boss 10.4.2: the create lock when its connection is lost', () => {
  const bosses = useBosses('10.4.2', database);
  afterEach(() => bosses.stopAll());

  // An attempt that has not got the lock has done nothing yet: losing its connection is one attempt fewer,
  // not a failed call.
  it("keeps waiting on a new connection when a waiting attempt's connection is terminated", async () => {
    const schema = newSchemaName();
    const boss = await bosses.start(schema, { max: 3 });
    const lock = await holdLock(schema);
    const call = safeCreateQueue(boss, 'lost_waiter', {}, { timeoutMs: 20_000 });
    const outcome = call.then(
      (result) => result,
      (error: unknown) => error,
    );
    try {
      let terminated = 0;
      await waitFor(async () => {
        const [pid] = await lockWaiters();
        if (pid === undefined) return false;
        const rows = await database().query<{ done: boolean }>('SELECT pg_terminate_backend($1) AS done', [pid]);
        if (rows[0]?.done) terminated++;
        return terminated > 0;
      });
    } finally {
      await lock.release();
    }
    await expect(outcome).resolves.toMatchObject({ status: 'created' });
    const rows = await database().query(`SELECT name FROM ${schema}.queue WHERE name = 'lost_waiter'`);
    expect(rows).toHaveLength(1);
  });

  // pg reports a backend terminated just as it became ready in the same read as the readiness, before an
  // awaiting caller resumes: a listener added after `await pool.connect()` came too late, and pg threw the
  // 'error' event, ending the process (2 of 3 storms of 8 processes under pg_terminate_backend did).
  it('survives a connection that fails as the pool hands it to the lock', async () => {
    const schema = newSchemaName();
    const boss = await bosses.start(schema, { max: 3 });
    const pool = (boss as unknown as { getDb(): { pool: FailingPool } }).getDb().pool;
    const connect = pool.connect;
    let armed = true;
    pool.connect = function (this: FailingPool, ...args: unknown[]) {
      // The helper's own connections only: pg-boss's queries take theirs inside pg-pool's `query`.
      if (armed && new Error().stack?.includes('withPoolClient')) {
        armed = false;
        // Before anything that awaits the connection resumes, as pg's parser emits it.
        this.once('acquire', (client: EventEmitter) =>
          queueMicrotask(() =>
            client.emit('error', Object.assign(new Error('terminating connection'), { code: '57P01' })),
          ),
        );
      }
      return connect.apply(this, args);
    };
    const lock = await holdLock(schema);
    const outcome = safeCreateQueue(boss, 'failed_at_hand_out', {}, { timeoutMs: 20_000 });
    try {
      await waitFor(async () => !armed);
    } finally {
      await lock.release();
    }
    await expect(outcome).resolves.toMatchObject({ status: 'created' });
  });
});

interface FailingPool extends EventEmitter {
  connect(...args: unknown[]): unknown;
}
