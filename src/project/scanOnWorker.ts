import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { ScanCache } from './scanCache';
import type { FirstScan, LintedFile } from './scanProject';

/** What scanWorker.ts is handed. */
export interface ScanRequest {
  readonly roots: readonly string[];
  readonly linted: LintedFile;
  /** Where the scan is kept for the next process, when it can be (src/project/scanCache.ts). */
  readonly cache: ScanCache | undefined;
  /** Shared with the lint: `DONE` and `PROGRESS`. */
  readonly state: Int32Array;
  readonly port: MessagePort;
}

/** The slot of `ScanRequest.state` set to 1, and notified, once the reply is posted. */
export const DONE = 0;
/** The slot of `ScanRequest.state` counting the files the scan has read or parsed. */
export const PROGRESS = 1;

/** What scanWorker.ts posts: the scan, or the message of what it threw. */
export type ScanReply = { readonly first: FirstScan } | { readonly error: string };

/**
 * How long a lint waits for a worker that reads and parses no file: one that died without replying (out of
 * memory, killed) never wakes the lint, which then scans on its own thread. A worker that keeps reading is
 * waited for however long its scan takes: a tree that takes a minute is not scanned twice.
 */
export const WORKER_STALL_MS = 30_000;

/** The built worker beside this module; absent when the rules run from TypeScript (the tests), which scan in-thread. */
const WORKER_FILE = path.join(__dirname, 'scanWorker.js');
let workerFileExists: boolean | undefined;

/**
 * A project's first scan made on a worker thread while the lint waits (a rule cannot wait asynchronously),
 * or undefined when no worker could make it: none can start here, it threw, or it stalled (WORKER_STALL_MS).
 * The caller then scans on its own thread, which gives the same scan or throws the same error.
 */
export function scanOnWorker(roots: readonly string[], linted: LintedFile, cache?: ScanCache): FirstScan | undefined {
  workerFileExists ??= fs.existsSync(WORKER_FILE);
  if (!workerFileExists) return undefined;
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const request: ScanRequest = { roots, linted, cache, state, port: port2 };
    worker = new Worker(WORKER_FILE, { workerData: request, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  // Its errors are the reply's, or the wait's end: one emitted with no listener would end the process.
  worker.on('error', () => {});
  worker.unref();
  const waited = waitForWorker(state, WORKER_STALL_MS);
  const reply = receiveMessageOnPort(port1)?.message as ScanReply | undefined;
  port1.close();
  if (waited === 'stalled') void worker.terminate();
  return reply && 'first' in reply ? reply.first : undefined;
}

/**
 * Blocks until `state`'s worker posts its reply (`DONE`), for as long as it makes progress: 'stalled' once a
 * whole `stallMs` passes in which it read and parsed no file (`PROGRESS`).
 */
export function waitForWorker(state: Int32Array, stallMs: number): 'done' | 'stalled' {
  let seen = 0;
  while (Atomics.wait(state, DONE, 0, stallMs) === 'timed-out') {
    const progress = Atomics.load(state, PROGRESS);
    if (progress === seen) return 'stalled';
    seen = progress;
  }
  return 'done';
}
