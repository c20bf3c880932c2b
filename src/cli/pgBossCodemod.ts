#!/usr/bin/env node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { mayContainCreateQueue } from '../analysis/getBareCreateQueueCall';
import { DEFAULT_IMPORT_SOURCE } from '../runtimeModule';
import { collectFiles } from './collectFiles';
import type { FileOutcome } from './rewriteFile';
import { rewriteFiles } from './rewriteFiles';

const USAGE = `Usage: pg-boss-codemod [options] <paths...>

Rewrites bare pg-boss createQueue calls to safeCreateQueue, as the ESLint rule
pg-boss/no-bare-create-queue suggests. Directories are searched recursively;
node_modules and files ignored by git are skipped.

Options:
  --dry                    print a unified diff of each change, write nothing
  --print                  print each changed file's new text
  --import-source <module> where safeCreateQueue is imported from
                           (default: ${DEFAULT_IMPORT_SOURCE})
  --extensions <list>      file extensions to search (default: js,jsx,mjs,cjs,ts,tsx,mts,cts)
  --cpus <n>               worker threads for large runs (default: 1)
  -h, --help               show this help

Exit code: 0 when no file failed, 1 when one did, 2 for a usage error.`;

const PROGRESS_EVERY = 1_000;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dry: { type: 'boolean', default: false },
        print: { type: 'boolean', default: false },
        'import-source': { type: 'string', default: DEFAULT_IMPORT_SOURCE },
        extensions: { type: 'string', default: 'js,jsx,mjs,cjs,ts,tsx,mts,cts' },
        cpus: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cpus = Number(values.cpus);
  if (positionals.length === 0 || !Number.isInteger(cpus) || cpus < 1 || values['import-source'] === '') {
    process.stderr.write(
      `${positionals.length === 0 ? 'No paths given.' : 'Invalid --cpus or --import-source.'}\n\n${USAGE}\n`,
    );
    return 2;
  }

  let files: string[];
  try {
    files = collectFiles(
      positionals,
      new Set(values.extensions.split(',').map((extension) => extension.trim().replace(/^\./, ''))),
    );
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }

  // Each file is read once; only those that mention createQueue go on to be parsed.
  const candidates: Array<{ file: string; text: string }> = [];
  const outcomes: FileOutcome[] = [];
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
  outcomes.push(
    ...(await rewriteFiles(
      candidates,
      { importSource: values['import-source'], dry: values.dry },
      Math.min(cpus, os.availableParallelism()),
    )),
  );

  for (const outcome of outcomes) {
    if (outcome.status !== 'changed') continue;
    const shown = path.relative(process.cwd(), outcome.file);
    if (values.dry)
      process.stdout.write(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, outcome.before, outcome.after));
    if (values.print) process.stdout.write(outcome.after);
  }
  process.stderr.write(summarize(outcomes, files.length, values.dry));
  return outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0;
}

function summarize(outcomes: readonly FileOutcome[], scanned: number, dry: boolean): string {
  const count = (status: FileOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  const rewritten = outcomes.reduce((sum, outcome) => sum + (outcome.status === 'changed' ? outcome.rewritten : 0), 0);
  const lines = [
    `pg-boss-codemod${dry ? ' (dry run, nothing written)' : ''}: ${scanned} files scanned, ${count('changed')} changed (${rewritten} calls rewritten), ${count('unchanged')} unchanged, ${count('skipped')} skipped, ${count('failed')} failed`,
  ];
  for (const outcome of outcomes) {
    const shown = path.relative(process.cwd(), outcome.file);
    if (outcome.status === 'skipped') lines.push(`  skipped ${shown}: could not parse: ${outcome.reason}`);
    if (outcome.status === 'failed') lines.push(`  failed ${shown}: ${outcome.reason}`);
    if ((outcome.status === 'changed' || outcome.status === 'unchanged') && outcome.flagged > 0) {
      lines.push(
        `  ${shown}: ${outcome.flagged} call(s) need a manual rewrite, marked with a TODO(pg-boss-codemod) comment`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

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
