// The rule on a corpus of its own that reproduces the shapes of public code using pg-boss and its
// look-alikes (tests/fixtures/realWorld, each file naming its source). Every createQueue call carries a
// label — `// report`, `// ok`, or `// report: typed` / `// report: untyped` where the modes differ — and
// every run below must report exactly the labelled lines: untyped, typed in one run, typed with worker
// threads (`concurrency`), typed from ESLint's cache, and typed one file at a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10 } from 'eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';
import plugin from '../src';
import { ESLINT_POOR_CONCURRENCY, withExpectedWarnings } from './support/withExpectedWarnings';

// eslint-9 is an npm alias of ESLint 9, installed beside ESLint 10.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ESLint: ESLint9 } = require('eslint-9') as { ESLint: typeof ESLint10 };

const corpus = path.resolve(__dirname, 'fixtures/realWorld');
const RULE = 'pg-boss/no-bare-create-queue';
const LABEL = /\/\/ (report|ok)(?:: (typed|untyped))?\s*$/;

type Mode = 'untyped' | 'typed';

function sourceFiles(directory = corpus): string[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return /\.(ts|js|cjs)$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

const files = sourceFiles();

/** `file:line` of every line whose label expects a report in `mode`. */
function expectedReports(mode: Mode): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) => {
        const label = LABEL.exec(line);
        const reported = label?.[1] === 'report' && (label[2] === undefined || label[2] === mode);
        return reported ? [`${path.relative(corpus, file)}:${index + 1}`] : [];
      }),
  );
}

/** What a run reported: `file:line` for our rule, `file:line fatal: …` for anything that did not parse. */
function findings(results: ESLint10.LintResult[]): string[] {
  return results
    .flatMap((result) =>
      result.messages
        .filter((message) => message.fatal || message.ruleId === RULE)
        .map(
          (message) =>
            `${path.relative(corpus, result.filePath)}:${message.line}${message.fatal ? ` fatal: ${message.message}` : ''}`,
        ),
    )
    .sort();
}

const sorted = (list: string[]) => [...list].sort();

/** The untyped setup of the README, with the corpus's workspace package named in the shared settings. */
const untypedConfig = [
  {
    files: ['**/*.{ts,js,cjs}'],
    languageOptions: { parser: tsParser },
    settings: { 'pg-boss': { modules: ['@acme/jobs'] } },
  },
  plugin.configs.recommended,
];

describe('the real-world corpus', () => {
  // Typed runs build a TypeScript program over the corpus first.
  vi.setConfig({ testTimeout: 120_000 });
  const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-eslintcache-'));
  afterAll(() => fs.rmSync(cacheDirectory, { recursive: true, force: true }));

  it('labels every createQueue call, and has at least 20 files for the typed runs', () => {
    const unlabelled = files.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /\.createQueue\(/.test(line) && !line.trimStart().startsWith('//') && !LABEL.test(line)
            ? [`${path.relative(corpus, file)}:${index + 1}`]
            : [],
        ),
    );
    expect(unlabelled).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  describe.each([
    ['ESLint 10', ESLint10],
    ['ESLint 9', ESLint9],
  ])('%s', (_label, ESLint) => {
    it('untyped, in one run: exactly the labelled calls', async () => {
      const eslint = new ESLint({ cwd: corpus, overrideConfigFile: true, overrideConfig: untypedConfig as never });
      expect(findings(await eslint.lintFiles(files))).toEqual(sorted(expectedReports('untyped')));
    });

    // Issue 9.1: the type information of every file of a program, not only the first one linted.
    it('typed, in one run: exactly the labelled calls', async () => {
      const eslint = new ESLint({ cwd: corpus });
      expect(findings(await eslint.lintFiles(files))).toEqual(sorted(expectedReports('typed')));
    });

    it('typed, on two worker threads (concurrency: 2): the same', async () => {
      const { result, unexpected } = await withExpectedWarnings([ESLINT_POOR_CONCURRENCY], () =>
        new ESLint({ cwd: corpus, concurrency: 2 } as ConstructorParameters<typeof ESLint>[0]).lintFiles(files),
      );
      expect(findings(result)).toEqual(sorted(expectedReports('typed')));
      expect(unexpected).toEqual([]);
    });
  });

  it('typed, one file at a time: the same', async () => {
    const results: ESLint10.LintResult[] = [];
    for (const file of files) results.push(...(await new ESLint10({ cwd: corpus }).lintFiles([file])));
    expect(findings(results)).toEqual(sorted(expectedReports('typed')));
  });

  it('typed, re-linting a subset with --cache: the same', async () => {
    const options = { cwd: corpus, cache: true, cacheLocation: path.join(cacheDirectory, '.eslintcache') };
    expect(findings(await new ESLint10(options).lintFiles(files))).toEqual(sorted(expectedReports('typed')));
    // A later run re-lints only what changed since; the rest comes from the cache.
    const later = new Date(Date.now() + 60_000);
    for (const file of files.filter((_, index) => index % 4 === 1)) fs.utimesSync(file, later, later);
    expect(findings(await new ESLint10(options).lintFiles(files))).toEqual(sorted(expectedReports('typed')));
  });
});
