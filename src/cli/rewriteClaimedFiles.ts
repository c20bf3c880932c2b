import { rewriteFile, type FileOutcome, type RewriteSettings, type SourceText } from './rewriteFile';

/** The files that mention createQueue, shared by every thread of a run, and the counter they take them by. */
export interface RewriteJob {
  readonly files: readonly SourceText[];
  readonly settings: RewriteSettings;
  /** One element over a SharedArrayBuffer: the index of the next file no thread has taken. */
  readonly next: Int32Array;
}

/** A file's index in the job, and what happened to it. */
export type ClaimedOutcome = readonly [index: number, outcome: FileOutcome];

/**
 * Rewrites files of the job one at a time, each the next one no thread has taken, until none is left.
 * A thread that starts late or runs slowly takes fewer.
 */
export function rewriteClaimedFiles(job: RewriteJob): ClaimedOutcome[] {
  const done: ClaimedOutcome[] = [];
  for (let index = Atomics.add(job.next, 0, 1); index < job.files.length; index = Atomics.add(job.next, 0, 1)) {
    const { file, text } = job.files[index]!;
    done.push([index, rewriteFile(file, text, job.settings)]);
  }
  return done;
}
