import type { Deadline } from './deadline';
import { QueueTimeoutError } from './errors';
import type { PgBossLike } from './types';

export interface PoolClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  release(destroy?: boolean | Error): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}
interface Pool {
  connect(): Promise<PoolClient>;
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
 * would otherwise crash the process), and is destroyed rather than reused when it failed or when the
 * deadline left a statement of `work` unfinished.
 */
export async function withPoolClient<T>(
  pool: Pool,
  deadline: Deadline,
  purpose: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const connecting = pool.connect();
  let client: PoolClient;
  try {
    client = await deadline.wait(`a free connection in the pg-boss pool, for ${purpose}`, connecting);
  } catch (error) {
    connecting.then(
      (late) => late.release(),
      () => {},
    );
    throw error;
  }
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost = error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    if (error instanceof QueueTimeoutError) lost ??= error;
    throw error;
  } finally {
    client.release(lost ?? undefined);
    client.off('error', onError);
  }
}
