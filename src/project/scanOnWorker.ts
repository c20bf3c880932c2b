import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { FirstScan, LintedFile } from './scanProject';

/** What scanWorker.ts is handed. */
export interface ScanRequest {
  readonly roots: readonly string[];
  readonly linted: LintedFile;
  /** Set to 1, and notified, once the reply is posted. */
  readonly done: Int32Array;
  readonly port: MessagePort;
}

/** What scanWorker.ts posts: the scan, or the message of what it threw. */
export type ScanReply = { readonly first: FirstScan } | { readonly error: string };

/**
 * How long a lint waits for the worker. A scan of a large tree takes seconds; a worker that dies without
 * replying (out of memory, killed) never wakes the lint, which then scans on its own thread after this.
 */
export const WORKER_WAIT_MS = 60_000;

/** The built worker beside this module; absent when the rules run from TypeScript (the tests), which scan in-thread. */
const WORKER_FILE = path.join(__dirname, 'scanWorker.js');
let workerFileExists: boolean | undefined;

/**
 * A project's first scan made on a worker thread while the lint waits (a rule cannot wait asynchronously),
 * or undefined when no worker could make it: none can start here, it threw, or it did not answer in
 * WORKER_WAIT_MS. The caller then scans on its own thread, which gives the same scan or throws the same error.
 */
export function scanOnWorker(roots: readonly string[], linted: LintedFile): FirstScan | undefined {
  workerFileExists ??= fs.existsSync(WORKER_FILE);
  if (!workerFileExists) return undefined;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const request: ScanRequest = { roots, linted, done, port: port2 };
    worker = new Worker(WORKER_FILE, { workerData: request, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  // Its errors are the reply's, or the wait's end: one emitted with no listener would end the process.
  worker.on('error', () => {});
  worker.unref();
  const waited = Atomics.wait(done, 0, 0, WORKER_WAIT_MS);
  const reply = receiveMessageOnPort(port1)?.message as ScanReply | undefined;
  port1.close();
  if (waited === 'timed-out') void worker.terminate();
  return reply && 'first' in reply ? reply.first : undefined;
}
