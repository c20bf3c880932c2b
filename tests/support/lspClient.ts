import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

/**
 * A minimal Language Server Protocol client over stdio: Content-Length framing, requests with a timeout,
 * and handlers for the requests a server sends back (configuration, applyEdit, capability registration).
 */
export class LspClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, (params: unknown) => unknown>();
  /** What the server wrote to stderr, for the error message when something times out. */
  private log = '';

  constructor(command: string, args: string[], cwd: string) {
    this.server = spawn(command, args, { cwd, stdio: 'pipe' });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
  }

  /** Answers the server's requests of `method` with what `handler` returns. */
  onRequest(method: string, handler: (params: unknown) => unknown): void {
    this.handlers.set(method, handler);
  }

  /**
   * Sends a request and waits for its answer, at most `timeoutMs`: an editor waits as long as it takes, the
   * bound only turns a server that never answers into a failure with its log. A cold server's first answer
   * loads ESLint, the plugin and TypeScript's project service, which took more than 15 s on a 2-core
   * machine running other test files beside it; the test's own timeout (60 s) stays the outer bound.
   */
  request<T>(method: string, params: unknown, timeoutMs = 45_000): Promise<T> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer in ${timeoutMs} ms. Server log:\n${this.log}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async close(): Promise<void> {
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit', null);
    } finally {
      this.server.kill();
    }
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(
        this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'),
      ) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
      return;
    }
    if (message.method !== undefined && message.id !== undefined) {
      const handler = this.handlers.get(message.method);
      this.send({ id: message.id, result: handler ? handler(message.params) : null });
    }
  }
}
