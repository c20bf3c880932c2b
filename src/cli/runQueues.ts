import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TOO_DEEP } from '../files/unparsableFile';
import { formatInventory, summarizeInventory } from '../inventory/formatInventory';
import { FAILING_PROBLEM_KINDS } from '../inventory/queueInventory';
import { diskFileSource } from '../inventory/fileSource';
import { NO_OPERATIONS, readQueueFiles, scanOf } from '../inventory/queueFiles';
import type { QueueScan } from '../inventory/scanQueues';
import { scanCacheFolder } from '../project/scanCacheFolder';
import type { ScannedAs } from '../project/scanCache';
import { formatUsageError } from './readCommandLine';
import type { ScanJob } from './scanQueuesWorker';
import { WORKER_STACK_MB } from './workerStack';

export interface QueuesOptions {
  readonly paths: readonly string[];
  readonly extensions: ReadonlySet<string>;
  /** Print the inventory as JSON rather than as a table. */
  readonly json: boolean;
  /** Print each declaration's options under it in the table. */
  readonly options: boolean;
  /** Judge test code like production code. */
  readonly includeTests: boolean;
}

/** One `pg-boss-queues` run: the inventory on stdout, what was skipped and the summary on stderr; returns the exit code. */
export async function runQueues({ paths, extensions, json, options, includeTests }: QueuesOptions): Promise<number> {
  let scan;
  try {
    scan = (await keptScan(paths, { extensions, includeTests })) ?? (await scanTree(paths, extensions, includeTests));
    // A file the main thread ran out of stack on (typescript-estree holds 700 to 950 levels there) is read
    // again with a worker's larger stack, as pg-boss-codemod reads it: the whole scan, since the file's
    // names may resolve through others and others' through it. Only a tree with such a file pays for it.
    if (scan.skipped.some(({ reason }) => reason === TOO_DEEP))
      scan = await scanOnWorker({ paths, extensions, includeTests });
  } catch (error) {
    process.stderr.write(formatUsageError('pg-boss-queues', (error as Error).message));
    return 2;
  }
  const { inventory } = scan;
  process.stdout.write(
    json
      ? `${JSON.stringify(inventory, null, 2)}\n`
      : formatInventory(inventory, { options, width: process.stdout.isTTY ? process.stdout.columns : undefined }),
  );
  for (const { file, reason } of scan.skipped) process.stderr.write(`skipped ${file}: ${reason}\n`);
  process.stderr.write(summarizeInventory(scan));
  return inventory.problems.some((problem) => FAILING_PROBLEM_KINDS.has(problem.kind)) ? 1 : 0;
}

/**
 * The scan the project rules kept for the same paths asked the same way (an `eslint .` just before, in CI
 * say), if nothing it read changed since: the tree is then neither read nor parsed again. What reads a kept
 * scan loads only where scans are kept, so that a run elsewhere starts as Node does.
 */
async function keptScan(paths: readonly string[], scannedAs: ScannedAs): Promise<QueueScan | undefined> {
  const roots = paths.map((given) => path.resolve(given));
  const folder = scanCacheFolder(roots);
  if (folder === undefined || !fs.existsSync(folder)) return undefined;
  return (await import('../project/scanCache.js')).keptScanFor(roots, scannedAs);
}

/**
 * The scan of the files under `paths`. Only a candidate file holds an operation: the analysis that reads them
 * (the scope manager, every reader of calls) loads only for a tree that has one, so a run on a tree without
 * pg-boss code, a pre-commit hook's, starts as Node does.
 */
async function scanTree(paths: readonly string[], extensions: ReadonlySet<string>, includeTests: boolean) {
  const files = readQueueFiles(paths, extensions, diskFileSource);
  return files.candidates.length === 0
    ? scanOf(files, NO_OPERATIONS, includeTests)
    : (await import('../inventory/scanQueues.js')).scanQueueFiles(files, { includeTests });
}

/** The scan of `job` on a worker with WORKER_STACK_MB of stack. */
function scanOnWorker(job: ScanJob): Promise<QueueScan> {
  const worker = new Worker(path.join(__dirname, 'scanQueuesWorker.js'), {
    workerData: job,
    resourceLimits: { stackSizeMb: WORKER_STACK_MB },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the scan's worker stopped with exit code ${code}`)));
  });
}
