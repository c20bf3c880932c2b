import { EventEmitter } from 'node:events';
import type pg from 'pg';

/**
 * What pg-boss 10 and the helper use of a pg pool, served as a pooler in transaction mode (PgBouncer)
 * serves its clients: a client's statement borrows one of `servers`' connections for as long as it runs,
 * or, when it leaves a transaction open, until a later statement of that client ends it.
 */
export function transactionPooled(servers: pg.Pool) {
  return {
    options: { max: 10 },
    ending: false,
    // pg-pool's callback form, which the helper uses.
    connect: (callback: (error: undefined, client: TransactionPooledClient) => void) =>
      callback(undefined, new TransactionPooledClient(servers)),
    query: (text: string, values?: unknown[]) => servers.query(text, values),
    end: async () => {},
  };
}

class TransactionPooledClient extends EventEmitter {
  readonly #servers: pg.Pool;
  #lent: pg.PoolClient | undefined;

  constructor(servers: pg.Pool) {
    super();
    this.#servers = servers;
  }

  async query(text: string, values?: unknown[]): Promise<pg.QueryResult> {
    const server = this.#lent ?? (await this.#servers.connect());
    const wasOpen = this.#lent !== undefined;
    this.#lent = server;
    let open = true;
    try {
      const result = await server.query(text, values);
      // 'I': no transaction open; anything else keeps the server connection lent to this client.
      open = (server as unknown as { getTransactionStatus(): string }).getTransactionStatus() !== 'I';
      return result;
    } catch (error) {
      // pg settles a failed statement before the server reports its transaction state: a transaction
      // that was open, or that the statement opened, is open still (aborted).
      open = wasOpen || /^\s*BEGIN\b/i.test(text);
      throw error;
    } finally {
      if (!open) this.#give();
    }
  }

  release(): void {
    // A client that leaves with a transaction open loses it, as a closed client connection does.
    if (this.#lent) this.#give(true);
  }

  #give(destroy = false): void {
    this.#lent?.release(destroy);
    this.#lent = undefined;
  }
}
