import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { mayContainCreateQueue } from '../analysis/getBareCreateQueueCall';
import { rewriteFile, type FileOutcome, type ReadFile, type RewriteSettings } from './rewriteFile';
import type { RewriteJob } from './rewriteWorker';

/** Below this many candidate files, starting threads costs more than it saves. */
const PARALLEL_THRESHOLD = 64;

/**
 * Rewrites the files that mention createQueue, in this thread or across `cpus` worker threads when there
 * are many; the others are unchanged without being parsed, and a type test is left alone.
 */
export async function rewriteFiles(
  files: readonly ReadFile[],
  settings: RewriteSettings,
  cpus: number,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const candidates: Array<{ file: string; text: string }> = [];
  for (const { file, text, typeTest } of files) {
    if (!mayContainCreateQueue(text)) outcomes.push({ file, status: 'unchanged', flagged: 0 });
    else if (typeTest !== undefined) outcomes.push({ file, status: 'type-test', convention: typeTest });
    else candidates.push({ file, text });
  }
  if (cpus <= 1 || candidates.length < PARALLEL_THRESHOLD)
    return [...outcomes, ...candidates.map(({ file, text }) => rewriteFile(file, text, settings))];
  const shares = Array.from({ length: cpus }, (_, index) =>
    candidates.filter((_, position) => position % cpus === index),
  );
  const results = await Promise.all(shares.map((share) => runWorker({ files: share, settings })));
  return [...outcomes, ...results.flat().sort((a, b) => a.file.localeCompare(b.file))];
}

function runWorker(job: RewriteJob): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'rewriteWorker.js'), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
