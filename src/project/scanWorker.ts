// A worker thread's whole life (src/project/scanOnWorker.ts): one project's first scan, posted back.
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { ProjectFilesState } from './projectFiles';
import type { FirstScan } from './scanProject';
import {
  CANCELLED,
  DONE,
  LARGE,
  LISTED,
  LISTED_AS,
  PROGRESS,
  SMALL,
  type ScanReply,
  type ScanRequest,
} from './scanOnWorker';

// Modules are loaded in the functions below, not imported above, so that a module that fails to load in a
// worker is a reply too: the lint waiting for it would otherwise wait until it gives up (WORKER_STALL_MS).
/* eslint-disable @typescript-eslint/no-require-imports */

const { roots, linted, cache, ahead, state, port } = workerData as ScanRequest;
const progress = () => Atomics.add(state, PROGRESS, 1);

/** The scan of the listing the lint hands over, once it has listed the project while this thread started. */
function scanListed(): FirstScan | undefined {
  const { firstScan } = require('./scanProject') as typeof import('./scanProject');
  const { ProjectFiles } = require('./projectFiles') as typeof import('./projectFiles');
  Atomics.wait(state, LISTED, 0);
  const listed = receiveMessageOnPort(port)?.message as ProjectFilesState | undefined;
  if (Atomics.load(state, LISTED) === CANCELLED || !listed) return undefined;
  return firstScan(roots, linted, ProjectFiles.fromState(listed, progress), cache);
}

/**
 * How long git may take to list the project for a scan started ahead of the first lint (boundGitListing).
 * That scan may be of no lint's project, or of a process that ends before any lint: a thread blocked in git
 * cannot be stopped, and would keep the process from ending for as long as git runs. A tree git takes longer
 * to list is scanned by its first lint, as without a scan started ahead.
 */
const AHEAD_GIT_BOUND_MS = 2000;

/**
 * The scan started ahead of the first lint (startScanAhead): the kept one if nothing it read changed, else the
 * project listed, its size told to the lint (LISTED_AS) before the analysis is loaded, then scanned.
 */
function scanAhead(): FirstScan {
  const { boundGitListing } = require('../files/collectFiles') as typeof import('../files/collectFiles');
  boundGitListing(AHEAD_GIT_BOUND_MS);
  const { readScanCache } = require('./scanCache') as typeof import('./scanCache');
  const kept = cache && readScanCache(cache, progress);
  if (kept) return kept;
  const { isLarge, listProject } = require('./projectListing') as typeof import('./projectListing');
  const { ProjectFiles } = require('./projectFiles') as typeof import('./projectFiles');
  const files = listProject(roots, new ProjectFiles(progress));
  Atomics.store(state, LISTED_AS, isLarge(files.toState()) ? LARGE : SMALL);
  const { firstScan } = require('./scanProject') as typeof import('./scanProject');
  return firstScan(roots, undefined, files, cache);
}

let reply: ScanReply | undefined;
try {
  // Kept before the lint is told the scan is done: a process that ends right after its lint keeps it too.
  const first = ahead ? scanAhead() : scanListed();
  if (first) reply = { first };
} catch (error) {
  reply = { error: String(error) };
}
try {
  if (reply) port.postMessage(reply);
} catch (error) {
  // A scan that cannot be copied to the lint's thread: the lint scans on its own.
  port.postMessage({ error: String(error) } satisfies ScanReply);
} finally {
  port.close();
  Atomics.store(state, DONE, 1);
  Atomics.notify(state, DONE);
}
