import type { Deadline } from './deadline';
import type { PgBossLike } from './types';

export interface PoolClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  release(destroy?: boolean | Error): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}
interface Pool {
  connect(callback: (error: Error | undefined, client: PoolClient | undefined) => void): void;
  options?: { max?: number };
}

/** The instance's own pg pool (10, 11 and 12 with the built-in Db), or undefined for a custom `db`. */
export function poolOf(boss: PgBossLike): Pool | undefined {
  const pool = (boss.getDb() as { pool?: Pool } | undefined)?.pool;
  return pool && typeof pool.connect === 'function' ? pool : undefined;
}

/**
 * Runs `work` on a connection checked out of the instance's pool, for statements that must share one
 * session. The connection has an 'error' listener for as long as it is held (a terminated backend
 * would otherwise crash the process). When `work` fails, the connection is destroyed rather than returned:
 * it may still be inside a transaction (the next `send()` on it would fail with 25P02), running a
 * statement the deadline gave up on, or talking to a backend that no longer answers — so it is never
 * asked to ROLLBACK, which could wait without bound. Closing it ends its transaction on the server.
 */
export async function withPoolClient<T>(
  pool: Pool,
  deadline: Deadline,
  purpose: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  let failed = false;
  const onError = () => {
    failed = true;
  };
  // The listener goes on in pg's callback, not after an await: a backend terminated just as it became ready
  // reports it in the same read as its readiness, before an awaiting caller resumes, and pg throws an
  // 'error' event nobody listens to, ending the process (2 of 3 storms of 8 processes whose backends were
  // terminated every 50 ms lost a process so).
  const connecting = new Promise<PoolClient>((resolve, reject) =>
    pool.connect((error, connected) => {
      if (!connected) return reject(error);
      connected.on('error', onError);
      resolve(connected);
    }),
  );
  let client: PoolClient;
  try {
    client = await deadline.wait(`a free connection in the pg-boss pool, for ${purpose}`, connecting);
  } catch (error) {
    connecting.then(
      (late) => {
        late.release(failed);
        late.off('error', onError);
      },
      () => {},
    );
    throw error;
  }
  try {
    return await work(client);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    client.release(failed);
    client.off('error', onError);
  }
}
