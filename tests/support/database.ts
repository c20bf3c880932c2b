import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

/** A database of its own for one test file, dropped again by `drop()`. */
export interface TestDatabase {
  readonly url: string;
  /** Runs SQL as the administrator, in this database. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A database of its own for the tests of a file: created before them, dropped after. Read it through the
 * returned function, from a test or a hook.
 */
export function useTestDatabase(label: string): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(label);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error(`the ${label} test database is read before its beforeAll ran`);
    return database;
  };
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = new URL(inject('databaseUrl'));
  const name = `t_${label.replace(/\W/g, '_')}_${randomUUID().slice(0, 8)}`;
  await withClient(serverUrl.href, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl.href);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.href, max: 2 });
  // pg-pool's end() resolves once it has asked each connection to close, not once they have closed. A DROP
  // DATABASE … WITH (FORCE) in that moment terminated a closing connection (57P01), whose error the pool then
  // emitted with no listener: an uncaught exception in whichever test file ran. `drop()` waits for each to close.
  let open = 0;
  const waitingForClose: Array<() => void> = [];
  pool.on('connect', () => open++);
  pool.on('remove', () => {
    if (--open === 0) for (const resolve of waitingForClose.splice(0)) resolve();
  });
  return {
    url: url.href,
    async query(text, values) {
      return (await pool.query(text, values)).rows;
    },
    async drop() {
      await pool.end();
      if (open > 0) await new Promise<void>((resolve) => waitingForClose.push(resolve));
      await withClient(serverUrl.href, (client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
