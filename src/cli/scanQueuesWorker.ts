import { parentPort, workerData } from 'node:worker_threads';
import { scanQueues } from '../inventory/scanQueues';

/** What a worker scans: `pg-boss-queues`'s paths and options, as the main thread was given them. */
export interface ScanJob {
  readonly paths: readonly string[];
  readonly extensions: ReadonlySet<string>;
  readonly includeTests: boolean;
}

const { paths, extensions, includeTests } = workerData as ScanJob;
parentPort?.postMessage(scanQueues(paths, extensions, { includeTests }));
