import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TOO_DEEP } from '../files/unparsableFile';
import type { ClaimedOutcome, RewriteJob } from './rewriteClaimedFiles';
import type { FileOutcome, RewriteSettings, SourceText } from './rewriteFile';
import type { WorkerJob } from './rewriteWorker';
import { WORKER_STACK_MB } from './workerStack';

/**
 * Files per thread: a run gets one more thread for every this many files, up to `--cpus`. Each thread
 * loads the parser and the analysis and warms them up on its own, about as much CPU as rewriting a few
 * hundred small files, so below this a thread cannot pay for its start (and above it, only a machine
 * with a core to spare gains; docs/performance.md, section 2).
 */
const FILES_PER_THREAD = 64;

/**
 * Rewrites files that mention createQueue, on up to `threads` threads when there are many, and gives
 * their outcomes in the order of `files`.
 *
 * The workers start before this thread loads the rewrite, so that they load it at the same time. Every
 * thread takes the next file no other has taken; once this one finds none left, a worker still loading
 * would find none either, and is stopped rather than waited for.
 */
export async function rewriteFiles(
  files: readonly SourceText[],
  settings: RewriteSettings,
  threads: number,
): Promise<FileOutcome[]> {
  const job: RewriteJob = { files, settings, next: sharedFlag() };
  const workerCount = Math.min(threads, 1 + Math.floor(files.length / FILES_PER_THREAD)) - 1;
  const workers = Array.from({ length: workerCount }, () => startWorker(job));
  const { rewriteClaimedFiles } = await import('./rewriteClaimedFiles.js');
  const outcomes: FileOutcome[] = [];
  const keep = (done: readonly ClaimedOutcome[]) => {
    for (const [index, outcome] of done) outcomes[index] = outcome;
  };
  const mine = rewriteClaimedFiles(job);
  keep(mine);
  for (const done of await Promise.all(workers.map((worker) => worker.finish()))) keep(done);
  const tooDeep = mine.filter(([, outcome]) => wantedMoreStack(outcome)).map(([index]) => index);
  if (tooDeep.length > 0) {
    const again: RewriteJob = { files: tooDeep.map((index) => files[index]!), settings, next: sharedFlag() };
    for (const [at, outcome] of await startWorker(again).outcomes) outcomes[tooDeep[at]!] = outcome;
  }
  return outcomes;
}

/** Whether a file was skipped for want of the stack of the thread it ran on: a deeper one may finish it. */
function wantedMoreStack(outcome: FileOutcome): boolean {
  return outcome.status === 'skipped' && outcome.reason === TOO_DEEP;
}

/** One 32-bit integer, 0 at first, that every thread of the run sees. */
function sharedFlag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/**
 * A worker on the job: `outcomes` once it has taken every file left; `finish`, called once this thread
 * found none left, the same, or none without waiting when the worker had not started taking files.
 */
function startWorker(job: RewriteJob): {
  outcomes: Promise<readonly ClaimedOutcome[]>;
  finish(): Promise<readonly ClaimedOutcome[]>;
} {
  const workerJob: WorkerJob = { ...job, started: sharedFlag() };
  const worker = new Worker(path.join(__dirname, 'rewriteWorker.js'), {
    workerData: workerJob,
    resourceLimits: { stackSizeMb: WORKER_STACK_MB },
  });
  let stopped = false;
  const outcomes = new Promise<readonly ClaimedOutcome[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      stopped ? resolve([]) : reject(new Error(`a rewrite worker stopped with exit code ${code}`)),
    );
  });
  return {
    outcomes,
    finish() {
      if (Atomics.load(workerJob.started, 0) === 0) {
        stopped = true;
        void worker.terminate();
      }
      return outcomes;
    },
  };
}
