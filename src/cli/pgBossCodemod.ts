#!/usr/bin/env node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { mayContainCreateQueue } from '../analysis/getBareCreateQueueCall';
import { readPackageManifest } from '../packageManifest';
import { DEFAULT_IMPORT_SOURCE } from '../runtimeModule';
import { addDependency } from './addDependency';
import { collectFiles } from '../files/collectFiles';
import { findDependencyGaps } from './findDependencyGaps';
import { parseCodemodArguments, type CodemodOptions } from './parseCodemodArguments';
import { DEFAULT_EXTENSIONS } from './readCommandLine';
import type { FileOutcome } from './rewriteFile';
import { rewriteFiles } from './rewriteFiles';
import { summarizeRun } from './summarizeRun';

const USAGE = `Usage: pg-boss-codemod [options] <paths...>

Rewrites bare pg-boss createQueue calls to safeCreateQueue (ensureQueue where the
call's value is used), as the ESLint rule pg-boss/no-bare-create-queue suggests.
Directories are searched recursively; node_modules and files git ignores are skipped.

Options:
  --dry                    print a unified diff of each change; write nothing
  --print                  print each changed file's new text; write nothing
  --add-dependency         add the helpers' package to the dependencies of each
                           package.json whose rewritten files need it
  --import-source <module> where the helpers are imported from
                           (default: ${DEFAULT_IMPORT_SOURCE})
  --extensions <list>      file extensions to search (default: ${DEFAULT_EXTENSIONS})
  --cpus <n>               worker threads for large runs (default: 1)
  -v, --version            print the version
  -h, --help               show this help

Exit code: 0 when every call was rewritten (or there was nothing to do); 1 when a
file or directory failed or a call was left for you (under a TODO(pg-boss-codemod)
comment); 2 for a usage error. Files with a syntax error are skipped and reported.`;

const PROGRESS_EVERY = 1_000;

async function main(argv: string[]): Promise<number> {
  const command = parseCodemodArguments(argv);
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${readPackageManifest().version}\n`);
    return 0;
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(`pg-boss-codemod: ${command.message}\nRun pg-boss-codemod --help for the options.\n`);
    return 2;
  }
  return run(command.options);
}

async function run(options: CodemodOptions): Promise<number> {
  const outcomes: FileOutcome[] = [];
  let files: string[];
  try {
    files = collectFiles(options.paths, options.extensions, ({ directory, reason }) =>
      outcomes.push({ file: directory, status: 'failed', reason: `could not read directory: ${reason}` }),
    );
  } catch (error) {
    process.stderr.write(`pg-boss-codemod: ${(error as Error).message}\n`);
    return 2;
  }

  // Each file is read once; only those that mention createQueue go on to be parsed.
  const candidates: Array<{ file: string; text: string }> = [];
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
    if (mayContainCreateQueue(text)) candidates.push({ file, text });
    else outcomes.push({ file, status: 'unchanged', flagged: 0 });
  });
  const notWritten = options.dry ? 'dry run' : options.print ? '--print' : undefined;
  outcomes.push(
    ...(await rewriteFiles(
      candidates,
      { importSource: options.importSource, dry: notWritten !== undefined },
      Math.min(options.cpus, os.availableParallelism()),
    )),
  );

  const roots = options.paths.map((given) => {
    const resolved = path.resolve(given);
    return fs.statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
  });
  const changed = outcomes.filter((outcome) => outcome.status === 'changed');
  for (const outcome of changed) {
    if (options.dry) {
      const shown = relativeToRoot(outcome.file, roots);
      process.stdout.write(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, outcome.before, outcome.after));
    }
    if (options.print) process.stdout.write(outcome.after);
  }

  const gaps = findDependencyGaps(
    changed.map((outcome) => outcome.file),
    options.importSource,
  ).map((gap) => ({
    gap,
    added: options.addDependency ? addDependency(gap, notWritten === undefined) : undefined,
  }));
  process.stderr.write(summarizeRun({ scanned: files.length, outcomes, gaps, notWritten }));
  const needsAttention = outcomes.some(
    (outcome) => outcome.status === 'failed' || ('flagged' in outcome && outcome.flagged > 0),
  );
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

// `pg-boss-codemod --dry src | head` closes stdout early: the reader's choice, not a failure. Nothing is
// written to files while stdout is in use (--dry and --print write nothing), so stopping here is safe.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `pg-boss-codemod: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
