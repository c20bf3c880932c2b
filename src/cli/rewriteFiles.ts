import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { rewriteFile, type FileOutcome, type RewriteSettings } from './rewriteFile';
import type { RewriteJob } from './rewriteWorker';

/** Below this many candidate files, starting threads costs more than it saves. */
const PARALLEL_THRESHOLD = 64;

/** Rewrites the candidates in this thread, or across `cpus` worker threads when there are many. */
export async function rewriteFiles(
  candidates: ReadonlyArray<{ file: string; text: string }>,
  settings: RewriteSettings,
  cpus: number,
): Promise<FileOutcome[]> {
  if (cpus <= 1 || candidates.length < PARALLEL_THRESHOLD)
    return candidates.map(({ file, text }) => rewriteFile(file, text, settings));
  const shares = Array.from({ length: cpus }, (_, index) =>
    candidates.filter((_, position) => position % cpus === index),
  );
  const results = await Promise.all(shares.map((files) => runWorker({ files, settings })));
  return results.flat().sort((a, b) => a.file.localeCompare(b.file));
}

function runWorker(job: RewriteJob): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'rewriteWorker.js'), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
