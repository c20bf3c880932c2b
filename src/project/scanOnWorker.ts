import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { ProjectFilesState } from './projectFiles';
import type { ScanCache } from './scanCache';
import type { FirstScan, LintedFile } from './scanProject';

/** What scanWorker.ts is handed when it starts; the project's listing follows through `port` (LISTED). */
export interface ScanRequest {
  readonly roots: readonly string[];
  /** The file being linted, with ESLint's text; none for a scan started ahead of the first lint (the disk alone). */
  readonly linted: LintedFile | undefined;
  /** Where the scan is kept for the next process, when it can be (src/project/scanCache.ts). */
  readonly cache: ScanCache | undefined;
  /**
   * Whether the scan is started ahead of the first lint (startScanAhead): the worker then takes up the kept
   * scan if it is current, or lists the project itself, instead of being handed the lint's listing (`LISTED`).
   */
  readonly ahead: boolean;
  /** Shared with the lint: `DONE`, `PROGRESS`, `LISTED` and `LISTED_AS`. */
  readonly state: Int32Array;
  readonly port: MessagePort;
}

/** The slot of `ScanRequest.state` set to 1, and notified, once the reply is posted. */
export const DONE = 0;
/** The slot of `ScanRequest.state` counting the files the scan has read or parsed. */
export const PROGRESS = 1;
/**
 * The slot of `ScanRequest.state` the lint sets, and notifies, once it has posted the project's listing
 * (`LISTING_POSTED`), or when it scans on its own thread after all (`CANCELLED`).
 */
export const LISTED = 2;
export const LISTING_POSTED = 1;
export const CANCELLED = 2;

/**
 * The slot of `ScanRequest.state` a worker started `ahead` sets once it has listed the project, to `SMALL` or
 * `LARGE` (isLarge): a first lint waits only for the scan of a large one (`worthWaitingFor`).
 */
export const LISTED_AS = 3;
export const SMALL = 1;
export const LARGE = 2;

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

/** A worker thread started for a project's first scan, while the lint lists the project. */
export interface ScanWorker {
  /**
   * The first scan of the project `listed` lists, made on the worker while the lint waits (a rule cannot wait
   * asynchronously); undefined when the worker could not make it: it threw, or stalled (WORKER_STALL_MS).
   * The caller then scans on its own thread, which gives the same scan or throws the same error.
   */
  scan(listed: ProjectFilesState): FirstScan | undefined;
  /** The scan of a worker started `ahead`, as `scan` gives its own. */
  wait(): FirstScan | undefined;
  /**
   * Whether a lint is better off waiting for this worker, started `ahead`, than listing and scanning on its
   * own: it is done, or it has listed a large project (whose scan a lint would hand to a new worker).
   */
  worthWaitingFor(): boolean;
  /** Stops the worker: the lint scans the project on its own thread. */
  cancel(): void;
}

/**
 * Starts a worker thread for the first scan of the project under `roots`, or undefined where none can start.
 * It starts before the project is listed, so that its start and its loading of the analysis (about 100 ms) run
 * beside the listing on the lint's thread, which then hands the listing over or cancels the worker; or,
 * `ahead`, it finds the project's scan on its own, and `wait` gives it.
 */
export function startScanWorker(
  roots: readonly string[],
  linted: LintedFile | undefined,
  cache?: ScanCache,
  ahead = false,
): ScanWorker | undefined {
  workerFileExists ??= fs.existsSync(WORKER_FILE);
  if (!workerFileExists) return undefined;
  const state = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const request: ScanRequest = { roots, linted, cache, ahead, state, port: port2 };
    worker = new Worker(WORKER_FILE, { workerData: request, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  // Its errors are the reply's, or the wait's end: one emitted with no listener would end the process.
  worker.on('error', () => {});
  worker.unref();
  const tell = (listed: typeof LISTING_POSTED | typeof CANCELLED) => {
    Atomics.store(state, LISTED, listed);
    Atomics.notify(state, LISTED);
  };
  return {
    scan(listed) {
      port1.postMessage(listed);
      tell(LISTING_POSTED);
      return this.wait();
    },
    wait() {
      const waited = waitForWorker(state, WORKER_STALL_MS);
      const reply = receiveMessageOnPort(port1)?.message as ScanReply | undefined;
      port1.close();
      if (waited === 'stalled') void worker.terminate();
      return reply && 'first' in reply ? reply.first : undefined;
    },
    worthWaitingFor() {
      return Atomics.load(state, DONE) === 1 || Atomics.load(state, LISTED_AS) === LARGE;
    },
    cancel() {
      // Woken from its wait for the listing, if it is there yet, it ends on its own.
      tell(CANCELLED);
      port1.close();
      void worker.terminate();
    },
  };
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
