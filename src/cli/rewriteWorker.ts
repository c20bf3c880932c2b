import { parentPort, workerData } from 'node:worker_threads';
import { rewriteFile, type RewriteSettings } from './rewriteFile';

/** A worker thread's share of the candidate files, with the texts already read by the main thread. */
export interface RewriteJob {
  readonly files: ReadonlyArray<{ readonly file: string; readonly text: string }>;
  readonly settings: RewriteSettings;
}

const job = workerData as RewriteJob;
parentPort?.postMessage(job.files.map(({ file, text }) => rewriteFile(file, text, job.settings)));
