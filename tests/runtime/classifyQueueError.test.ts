import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyQueueError,
  PgBossNotStartedError,
  QueueDeclarationError,
  QueueDriftError,
  safeCreateQueue,
  safeCreateQueues,
  type QueueErrorKind,
} from '../../src/runtime';
import { bossFactory, newSchemaName } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { PgBossVersion, TestBoss } from '../support/pgBossVersions';

/** The messages docs/errors.md's "From pg-boss" table gives for `kind`, each as written there in backticks. */
function documentedMessages(kind: QueueErrorKind): string[] {
  const docs = readFileSync(path.join(__dirname, '../../docs/errors.md'), 'utf8');
  const table = docs.slice(docs.indexOf('## From pg-boss'), docs.indexOf('## From this package'));
  return table
    .split('\n')
    .filter((row) => row.startsWith(`| \`${kind}\``))
    .flatMap((row) => [...row.split('|')[2]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

/** A real message with the queue name it mentions replaced by the docs' `<name>`. */
const messageTemplate = (error: unknown, name: string): string => (error as Error).message.replace(name, '<name>');

/** Every error here is produced for real, by PostgreSQL or by pg-boss, then classified. */
describe('classifyQueueError', () => {
  let database: TestDatabase;
  const clients: pg.Client[] = [];
  const bosses = new Map<PgBossVersion, ReturnType<typeof bossFactory>>();

  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: database.url });
    // A terminated backend is reported as an 'error' event; without a listener Node would throw it.
    client.on('error', () => {});
    await client.connect();
    clients.push(client);
    return client;
  };
  const start = (version: PgBossVersion, schema = newSchemaName()): Promise<TestBoss> => {
    if (!bosses.has(version)) bosses.set(version, bossFactory(version, database));
    return bosses.get(version)!.start(schema);
  };
  const caught = (promise: Promise<unknown>): Promise<unknown> =>
    promise.then(
      () => expect.fail('expected a rejection'),
      (error: unknown) => error,
    );
  const expectKind = (error: unknown, kind: QueueErrorKind, retryable: boolean) =>
    expect(classifyQueueError(error)).toMatchObject({ kind, retryable, hint: expect.any(String) });

  beforeAll(async () => {
    database = await createTestDatabase('classify');
    await database.query('CREATE TABLE rows (id int PRIMARY KEY, k int)');
    await database.query('INSERT INTO rows VALUES (1, 1), (2, 2)');
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
    await Promise.all([...bosses.values()].map((factory) => factory.stopAll()));
  });
  afterAll(async () => {
    await database.drop();
  });

  describe('PostgreSQL errors, by SQLSTATE', () => {
    it('40P01: a deadlock is retryable', async () => {
      const [a, b] = [await connect(), await connect()];
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query('UPDATE rows SET k = k WHERE id = 1');
      await b.query('UPDATE rows SET k = k WHERE id = 2');
      const results = await Promise.allSettled([
        a.query('UPDATE rows SET k = k WHERE id = 2'),
        b.query('UPDATE rows SET k = k WHERE id = 1'),
      ]);
      const failure = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(failure.reason).toMatchObject({ code: '40P01' });
      expectKind(failure.reason, 'deadlock', true);
    });

    it('40001: a serialization failure is retryable', async () => {
      const [a, b] = [await connect(), await connect()];
      for (const client of [a, b]) await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      await a.query('SELECT sum(k) FROM rows');
      await b.query('SELECT sum(k) FROM rows');
      await a.query('UPDATE rows SET k = k + 1 WHERE id = 1');
      await b.query('UPDATE rows SET k = k + 1 WHERE id = 2');
      await a.query('COMMIT');
      const error = await caught(b.query('COMMIT'));
      expect(error).toMatchObject({ code: '40001' });
      expectKind(error, 'serialization-failure', true);
    });

    it('55P03: a lock held on the queue table past lock_timeout is retryable', async () => {
      const schema = newSchemaName();
      await start('12.38.0', schema);
      const [holder, waiter] = [await connect(), await connect()];
      await holder.query(`BEGIN; LOCK TABLE ${schema}.queue IN ACCESS EXCLUSIVE MODE`);
      await waiter.query(`SET lock_timeout = 50`);
      const error = await caught(waiter.query(`SELECT * FROM ${schema}.queue`));
      expect(error).toMatchObject({ code: '55P03' });
      expectKind(error, 'lock-timeout', true);
      await holder.query('ROLLBACK');
    });

    it('57014: a statement timeout is retryable', async () => {
      const client = await connect();
      await client.query('SET statement_timeout = 20');
      const error = await caught(client.query('SELECT pg_sleep(2)'));
      expect(error).toMatchObject({ code: '57014' });
      expectKind(error, 'statement-timeout', true);
    });

    it('57P01: a terminated backend, and a refused connection, are connection losses', async () => {
      const victim = await connect();
      const [{ pid }] = (await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [
        { pid: number },
      ];
      const sleeping = caught(victim.query('SELECT pg_sleep(5)'));
      await database.query('SELECT pg_terminate_backend($1)', [pid]);
      const error = await sleeping;
      expect(error).toMatchObject({ code: '57P01' });
      expectKind(error, 'connection-lost', true);

      const closed = new URL(database.url);
      closed.port = '1';
      const refused = await caught(new pg.Client({ connectionString: closed.href }).connect());
      expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
      expectKind(refused, 'connection-lost', true);
    });

    it('42P01 and 3F000: a schema that pg-boss is not installed in', async () => {
      const schema = newSchemaName();
      const boss = await start('11.1.2', schema);
      await database.query(`DROP SCHEMA ${schema} CASCADE`);
      const missingTable = await caught(boss.getQueue('any'));
      expect(missingTable).toMatchObject({ code: '42P01' });
      expectKind(missingTable, 'schema-not-installed', false);
      const missingSchema = await caught(database.query(`CREATE TABLE ${schema}.probe (id int)`));
      expect(missingSchema).toMatchObject({ code: '3F000' });
      expectKind(missingSchema, 'schema-not-installed', false);
    });
  });

  describe('pg-boss 10.x', () => {
    it('23505 queue_pkey: createQueue on an existing queue of a 10.0.3 database means it exists', async () => {
      const boss = await start('10.0.3');
      await boss.createQueue('twice', { name: 'twice' } as object);
      const error = await caught(boss.createQueue('twice', { name: 'twice' } as object));
      expect(error).toMatchObject({ code: '23505', constraint: 'queue_pkey' });
      expectKind(error, 'queue-exists', false);
    });

    it('22003: an integer beyond PostgreSQL’s range', async () => {
      const boss = await start('10.4.2');
      const error = await caught(boss.createQueue('big', { retryLimit: 2 ** 31 }));
      expect(error).toMatchObject({ code: '22003' });
      expectKind(error, 'value-out-of-range', false);
    });

    it('23503 and 23001: dead letters missing or still named, and a queue that still has jobs', async () => {
      const boss = await start('10.4.2');
      const missing = await caught(boss.createQueue('orphan', { deadLetter: 'nowhere' }));
      expect(missing).toMatchObject({ code: '23503', constraint: 'queue_dead_letter_fkey' });
      expectKind(missing, 'dead-letter-missing', false);

      await boss.createQueue('dlq', { name: 'dlq' } as object);
      await boss.createQueue('source', { deadLetter: 'dlq' });
      const named = await caught(boss.deleteQueue('dlq'));
      expect(named).toMatchObject({ code: '23503', constraint: 'queue_dead_letter_fkey' });
      expectKind(named, 'dead-letter-in-use', false);

      await boss.send('source', {});
      const busy = await caught(boss.deleteQueue('source'));
      expect(busy).toMatchObject({ code: '23001', constraint: 'q_fkey' });
      expectKind(busy, 'queue-not-empty', false);
    });

    it("pg-boss's own argument checks, and its error after stop()", async () => {
      const boss = await start('10.4.2');
      const invalid = await caught(boss.createQueue('odd', { policy: 'sometimes' }));
      expect(invalid).toMatchObject({ code: 'ERR_ASSERTION' });
      expectKind(invalid, 'invalid-declaration', false);
      await boss.stop({ graceful: false, close: true, wait: true });
      const stopped = await caught(boss.getQueue('odd'));
      expect((stopped as Error).message).toMatch(/Cannot destructure property 'rows'/);
      expectKind(stopped, 'not-started', false);
    });
  });

  describe('pg-boss 11 and 12', () => {
    it.each(['11.1.2', '12.38.0'] satisfies PgBossVersion[])(
      '%s: send to an undeclared queue, and a dead letter that does not exist',
      async (version) => {
        const boss = await start(version);
        const unsent = await caught(boss.send('undeclared', {}));
        expect((unsent as Error).message).toBe('Queue undeclared does not exist');
        expect(classifyQueueError(unsent)).toMatchObject({ kind: 'queue-not-found', retryable: false });
        const orphan = await caught(boss.createQueue('orphan', { deadLetter: 'nowhere' }));
        expectKind(orphan, 'queue-not-found', false);
        expect(documentedMessages('queue-not-found')).toContain(messageTemplate(orphan, 'nowhere'));
      },
    );

    // docs/errors.md named `Dead letter queue … does not exist` as createQueue's message for a missing dead letter.
    it("12.38.0: a job's own dead letter that does not exist, as docs/errors.md words it", async () => {
      const boss = await start('12.38.0');
      await boss.createQueue('jobs');
      const send = boss.send.bind(boss) as (name: string, data: object, options: object) => Promise<unknown>;
      const unsent = await caught(send('jobs', {}, { deadLetter: 'nowhere' }));
      expectKind(unsent, 'dead-letter-missing', false);
      expect(documentedMessages('dead-letter-missing')).toContain(messageTemplate(unsent, 'nowhere'));
    });

    it('12.38.0: deleting a queue another one names as its dead letter, and any call after stop()', async () => {
      const boss = await start('12.38.0');
      await boss.createQueue('dlq');
      await boss.createQueue('source', { deadLetter: 'dlq' });
      const named = await caught(boss.deleteQueue('dlq'));
      expectKind(named, 'dead-letter-in-use', false);
      await boss.stop({ graceful: false, close: true, wait: true });
      const stopped = await caught(boss.getQueue('dlq'));
      expect((stopped as Error).message).toMatch(/Database not opened/);
      expectKind(stopped, 'not-started', false);
    });
  });

  describe("this package's errors", () => {
    it('classifies each by its code, and looks through a wrapper to its cause', async () => {
      const boss = await start('12.38.0');
      const declaration = await caught(safeCreateQueue(boss, 'q', 'retryLimit=3' as never));
      expect(declaration).toBeInstanceOf(QueueDeclarationError);
      expect(classifyQueueError(declaration)).toMatchObject({
        kind: 'invalid-declaration',
        code: 'ERR_QUEUE_DECLARATION',
      });

      await boss.createQueue('drifted', { retryLimit: 1 });
      const drift = await caught(safeCreateQueue(boss, 'drifted', { retryLimit: 2 }, { onDrift: 'error' }));
      expect(drift).toBeInstanceOf(QueueDriftError);
      expect(classifyQueueError(drift)).toMatchObject({ kind: 'drift', code: 'ERR_QUEUE_DRIFT' });

      const unstarted = await bosses.get('12.38.0')!.create();
      const notStarted = await caught(safeCreateQueue(unstarted, 'early'));
      expect(notStarted).toBeInstanceOf(PgBossNotStartedError);
      expect(classifyQueueError(notStarted)).toMatchObject({ kind: 'not-started', code: 'ERR_PGBOSS_NOT_STARTED' });

      const client = await connect();
      await client.query('SET statement_timeout = 10');
      const timeout = await caught(client.query('SELECT pg_sleep(1)'));
      const wrapped = new Error('reconciling queue "x" failed', { cause: timeout });
      expect(classifyQueueError(wrapped)).toMatchObject({ kind: 'statement-timeout', code: '57014' });
      expect(classifyQueueError(new Error('something else'))).toMatchObject({ kind: 'unknown', retryable: false });
    });

    // A plain-object look-up found Object.prototype's members and answered with no kind, retryable or hint.
    it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])(
      'classifies an error whose code is %j as unknown, like any code it does not know',
      (code) => {
        const error = Object.assign(new Error('from another library'), { code });
        expect(classifyQueueError(error)).toEqual({
          kind: 'unknown',
          retryable: false,
          hint: 'Not an error this package knows: see its message and cause.',
        });
      },
    );
  });

  it("runs docs/errors.md's example: a declaration that cannot succeed is not retryable", async () => {
    const boss = await start('12.38.0');
    const logged: unknown[] = [];
    const logger = { error: (details: object, message: string) => logged.push({ ...details, message }) };
    const queues = { emails: { deadLetter: 'nowhere' } };
    const previous = process.exitCode;
    // The example, as docs/errors.md gives it.
    try {
      await safeCreateQueues(boss, queues);
    } catch (error) {
      const { kind, retryable, hint } = classifyQueueError(error);
      logger.error({ err: error, kind, retryable }, `declaring queues failed: ${hint}`);
      process.exitCode = retryable ? 75 : 1;
    }
    try {
      expect(process.exitCode).toBe(1);
      expect(logged).toEqual([
        expect.objectContaining({
          kind: 'invalid-declaration',
          retryable: false,
          message: expect.stringContaining('declaring queues failed'),
        }),
      ]);
    } finally {
      process.exitCode = previous;
    }
  });
});
