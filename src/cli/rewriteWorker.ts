import { parentPort, workerData } from 'node:worker_threads';
import { rewriteClaimedFiles, type RewriteJob } from './rewriteClaimedFiles';

/** A worker's job: the run's, and a flag of its own over a SharedArrayBuffer, 1 once it takes files. */
export interface WorkerJob extends RewriteJob {
  readonly started: Int32Array;
}

const job = workerData as WorkerJob;
// The rewrite is loaded (the import above): from here on this worker may take files, and is waited for.
Atomics.store(job.started, 0, 1);
parentPort?.postMessage(rewriteClaimedFiles(job));
