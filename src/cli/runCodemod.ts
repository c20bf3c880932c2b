import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mayContainCreateQueue } from '../analysis/mayContainCreateQueue';
import { collectFiles } from '../files/collectFiles';
import { findTypeTestConvention } from '../files/findTypeTestConvention';
import { addDependency } from './addDependency';
import { findDependencyGaps } from './findDependencyGaps';
import type { CodemodOptions } from './parseCodemodArguments';
import { formatUsageError } from './readCommandLine';
import type { FileOutcome, SourceText } from './rewriteFile';
import { summarizeRun } from './summarizeRun';

const PROGRESS_EVERY = 1_000;

/**
 * One codemod run over the files under `options.paths`; returns the exit code. Each file is read once;
 * the rewrite (and with it the parser) is loaded only when a file mentions createQueue, so a run over an
 * empty tree, or one without such a file, costs little more than starting Node and reading the files.
 */
export async function runCodemod(options: CodemodOptions): Promise<number> {
  const outcomes: FileOutcome[] = [];
  let files: string[];
  try {
    files = collectFiles(options.paths, options.extensions, ({ directory, reason }) =>
      outcomes.push({ file: directory, status: 'failed', reason: `could not read directory: ${reason}` }),
    );
  } catch (error) {
    process.stderr.write(formatUsageError('pg-boss-codemod', (error as Error).message));
    return 2;
  }

  const roots = options.paths.map((given) => {
    const resolved = path.resolve(given);
    return fs.statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
  });
  // Only the texts a later step reads are kept: most files are done with once read, and holding all of
  // them made every garbage collection of the run slower.
  const leftAsIs: FileOutcome[] = [];
  const candidates: SourceText[] = [];
  /** The texts that may import the helpers, now or once rewritten, for findDependencyGaps. */
  const mayImport: SourceText[] = [];
  files.forEach((file, index) => {
    if (files.length > PROGRESS_EVERY && index > 0 && index % PROGRESS_EVERY === 0)
      process.stderr.write(`scanned ${index}/${files.length} files\n`);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      outcomes.push({ file, status: 'failed', reason: `could not read: ${(error as Error).message}` });
      return;
    }
    const mentionsCreateQueue = mayContainCreateQueue(text);
    if (mentionsCreateQueue || text.includes(options.importSource)) mayImport.push({ file, text });
    const typeTest =
      mentionsCreateQueue && !options.includeTypeTests
        ? findTypeTestConvention(relativeToRoot(file, roots))
        : undefined;
    if (!mentionsCreateQueue) leftAsIs.push({ file, status: 'unchanged', flagged: 0 });
    else if (typeTest !== undefined) leftAsIs.push({ file, status: 'type-test', convention: typeTest });
    else candidates.push({ file, text });
  });
  outcomes.push(...leftAsIs);
  const notWritten = options.dry ? 'dry run' : options.print ? '--print' : undefined;
  if (candidates.length > 0) {
    const { rewriteFiles } = await import('./rewriteFiles.js');
    outcomes.push(
      ...(await rewriteFiles(
        candidates,
        { importSource: options.importSource, dry: notWritten !== undefined },
        Math.min(options.cpus, os.availableParallelism()),
      )),
    );
  }

  const changed = outcomes.filter((outcome) => outcome.status === 'changed');
  if (options.dry && changed.length > 0) {
    const { createTwoFilesPatch } = await import('diff');
    for (const { file, before, after } of changed) {
      const shown = relativeToRoot(file, roots);
      process.stdout.write(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after));
    }
  }
  if (options.print) for (const { after } of changed) process.stdout.write(after);

  // Every file that imports the helpers counts, rewritten now or by an earlier run: the second step of
  // `pg-boss-codemod src` then `pg-boss-codemod --add-dependency src` finds them all.
  const afterRun = new Map(changed.map(({ file, after }) => [file, after]));
  const gaps = findDependencyGaps(
    mayImport.map(({ file, text }) => ({ file, text: afterRun.get(file) ?? text })),
    options.importSource,
  ).map((gap) => ({
    gap,
    added: options.addDependency ? addDependency(gap, notWritten === undefined) : undefined,
  }));
  process.stderr.write(summarizeRun({ scanned: files.length, outcomes, gaps, notWritten }));
  const needsAttention =
    outcomes.some((outcome) => outcome.status === 'failed' || ('flagged' in outcome && outcome.flagged > 0)) ||
    // Asked to add the dependency and could not: a production install of that package lacks the helpers.
    gaps.some(({ added }) => added !== undefined && 'problem' in added);
  return needsAttention ? 1 : 0;
}

/** The file's path below the innermost scanned directory that holds it, `/`-separated, as a diff header shows it. */
function relativeToRoot(file: string, roots: readonly string[]): string {
  const holds = (root: string) => {
    const relative = path.relative(root, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  const root = roots.filter(holds).sort((a, b) => b.length - a.length)[0] ?? path.dirname(file);
  return path.relative(root, file).split(path.sep).join('/');
}
