import fs from 'node:fs';
import path from 'node:path';
import { ranOutOfStack, TOO_DEEP, UnparsableFileError } from '../files/unparsableFile';
import { rewriteSource } from '../rewrite/rewriteSource';

/** A file and its text as the run read it. */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

/** What happened to one file. */
export type FileOutcome =
  | {
      readonly file: string;
      readonly status: 'changed';
      readonly rewritten: number;
      readonly flagged: number;
      readonly before: string;
      readonly after: string;
    }
  | { readonly file: string; readonly status: 'unchanged'; readonly flagged: number }
  | { readonly file: string; readonly status: 'skipped' | 'failed'; readonly reason: string }
  /** A type test that calls createQueue, left alone: `convention` is the name or folder that makes it one. */
  | { readonly file: string; readonly status: 'type-test'; readonly convention: string };

export interface RewriteSettings {
  readonly importSource: string;
  /** Compute the change without writing it. */
  readonly dry: boolean;
}

/**
 * Rewrites one file whose text was already read: a file that does not parse, or that the parser or the
 * analysis runs out of stack on, is skipped; a write goes to
 * a temporary file renamed over the original (the link's target for a symbolic link), so a file is never
 * left half-written.
 */
export function rewriteFile(file: string, text: string, settings: RewriteSettings): FileOutcome {
  let result;
  try {
    result = rewriteSource(text, file, settings.importSource);
  } catch (error) {
    if (ranOutOfStack(error)) return { file, status: 'skipped', reason: TOO_DEEP };
    if (error instanceof UnparsableFileError) return { file, status: 'skipped', reason: error.reason };
    return { file, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  if (result.output === text) return { file, status: 'unchanged', flagged: result.flagged };
  if (!settings.dry) {
    try {
      writeAtomically(file, result.output);
    } catch (error) {
      return { file, status: 'failed', reason: `could not write: ${(error as Error).message}` };
    }
  }
  return {
    file,
    status: 'changed',
    rewritten: result.rewritten,
    flagged: result.flagged,
    before: text,
    after: result.output,
  };
}

/**
 * Writes through a symbolic link to the file it names: the temporary file is made next to that real file
 * with its mode, then renamed over it, so the link stays a link. A hard link to the file is not followed:
 * the rename gives `file` a new inode and the other names keep the old text.
 */
function writeAtomically(file: string, text: string): void {
  const target = fs.realpathSync(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.pg-boss-codemod`);
  const { mode } = fs.statSync(target);
  try {
    fs.writeFileSync(temporary, text);
    // Set after writing: a mode given to the write is narrowed by the umask.
    fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
