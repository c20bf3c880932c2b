import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueTimeoutError, safeCreateQueue } from '../../src/runtime';
import { newSchemaName, useBosses } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import type { TestBoss } from '../support/pgBossVersions';
import { transactionPooled } from '../support/transactionPooler';

const SERVER_CONNECTIONS = 3;
/**
 * Eight times the connections: with attempts of 50 ms, 24 waiting instances together held more than the
 * connections the holder's create had to share with them, and 155 of the 192 calls timed out.
 */
const INSTANCES = 24;
const QUEUES = 8;

const database = useTestDatabase('create_lock_shared');

/** Hands the instance's statements to the stand-in pooler over `servers`, and closes its own pool. */
function shareConnections(boss: TestBoss, servers: pg.Pool): Promise<void> {
  const db = (boss as unknown as { getDb(): { pool: { end(): Promise<void> } } }).getDb();
  const own = db.pool;
  db.pool = transactionPooled(servers);
  return own.end();
}

describe('pg-boss 10.4.2: the create lock on server connections shared by more instances than there are', () => {
  const bosses = useBosses('10.4.2', database);
  let shared: pg.Pool | undefined;
  afterEach(async () => {
    await bosses.stopAll();
    await shared?.end();
    shared = undefined;
  });

  /** Every instance declares the same QUEUES queues at once, its statements on `connections` shared connections. */
  async function declareOnSharedConnections(connections: number, instanceCount: number) {
    const schema = newSchemaName();
    const instances = [];
    for (let index = 0; index < instanceCount; index++) instances.push(await bosses.start(schema, { max: 10 }));
    shared = new pg.Pool({ connectionString: database().url, max: connections });
    await Promise.all(instances.map((boss) => shareConnections(boss, shared!)));

    const names = Array.from({ length: QUEUES }, (_, index) => `shared_${index}`);
    const results = await Promise.allSettled(
      instances.flatMap((boss) => names.map((name) => safeCreateQueue(boss, name, {}, { timeoutMs: 10_000 }))),
    );
    const rows = await database().query(`SELECT name FROM ${schema}.queue WHERE name LIKE 'shared\\_%'`);
    return { rejected: results.filter((result) => result.status === 'rejected'), queues: rows.length };
  }

  // Waiting for the lock once held a server connection for the whole wait: with more waiting instances
  // than connections, the holder's own create found none free and every call ran into its bound.
  it('declares every queue of every instance, waiting for the lock without holding a connection', async () => {
    await expect(declareOnSharedConnections(SERVER_CONNECTIONS, INSTANCES)).resolves.toEqual({
      rejected: [],
      queues: QUEUES,
    });
  });

  // A pooler with one server connection (PgBouncer's default_pool_size = 1) lends it to the lock's
  // transaction, and the create under the lock waited for it until the call's bound; plain createQueue
  // needs just the one.
  it("declares every queue when the lock's transaction holds the only connection", async () => {
    await expect(declareOnSharedConnections(1, 2)).resolves.toEqual({ rejected: [], queues: QUEUES });
  });

  // Between attempts the connection is back in the pool; the attempts still end by the call's bound.
  it('ends at its bound while another process holds the lock throughout', async () => {
    const schema = newSchemaName();
    const boss = await bosses.start(schema, { max: 3 });
    const holder = new pg.Client({ connectionString: database().url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pg-boss-create-queue:${schema}`]);
      const error = await safeCreateQueue(boss, 'held', {}, { timeoutMs: 1_500 }).catch((reason: unknown) => reason);
      // The last attempt ends with the bound, so the step named is the lock's or the create's around it,
      // whichever the bound's timer reaches first.
      expect(error).toBeInstanceOf(QueueTimeoutError);
      expect([
        `the create lock of schema "${schema}" (held by another process's createQueue)`,
        'createQueue("held")',
      ]).toContain((error as QueueTimeoutError).waitedFor);
    } finally {
      await holder.end();
    }
    await expect(safeCreateQueue(boss, 'held')).resolves.toMatchObject({ status: 'created' });
  });
});
