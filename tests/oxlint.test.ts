import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src';
import { casesFor } from './rules/ruleCases';

const root = path.resolve(__dirname, '..');
const RULE = 'pg-boss/no-bare-create-queue';

/** The rule's fixture files: the app the file-level tests lint, and the codemod's before and after pairs. */
const FIXTURE_DIRECTORIES = ['tests/fixtures', 'codemods/__testfixtures__'];

/** The queue inventory's real-code excerpts: not the rule's fixtures, and they would double the files compared here. */
const INVENTORY_FIXTURES = 'tests/fixtures/real-code-queues/';

let workDirectory: string;

/**
 * The untyped case table of the rule tests as files: `.ts` by default, `.cjs` for the JavaScript cases
 * (which the rule tests parse as CommonJS).
 */
function writeRuleCases(directory: string): void {
  const { valid, invalid } = casesFor('untyped');
  [...valid, ...invalid].forEach((item, index) => {
    const { code, filename } = typeof item === 'string' ? { code: item, filename: undefined } : item;
    const extension = filename?.endsWith('.js') ? 'cjs' : 'ts';
    fs.writeFileSync(path.join(directory, `case-${String(index).padStart(3, '0')}.${extension}`), code);
  });
}

/** Where ESLint, with the README's config, reports the rule in `directories` of `cwd`: `file:line:column`. */
async function eslintFindings(cwd: string, directories: readonly string[]): Promise<string[]> {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: [INVENTORY_FIXTURES] },
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
      plugin.configs.recommended,
    ] as never,
  });
  const results = await eslint.lintFiles(
    directories.map((directory) => `${directory}/**/*.{js,jsx,cjs,mjs,ts,tsx,cts,mts}`),
  );
  return results
    .flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId === RULE)
        .map((message) => `${path.relative(cwd, result.filePath)}:${message.line}:${message.column}`),
    )
    .sort();
}

/** Where oxlint, loading the built plugin through `jsPlugins`, reports the rule in `directories` of `cwd`. */
function oxlintFindings(cwd: string, directories: readonly string[]): string[] {
  const config = path.join(workDirectory, 'oxlintrc.json');
  fs.writeFileSync(
    config,
    JSON.stringify({ jsPlugins: [path.join(root, 'dist/src/index.js')], rules: { [RULE]: 'error' } }),
  );
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/oxlint/bin/oxlint'),
      '-c',
      config,
      '--format',
      'json',
      '--ignore-pattern',
      `${INVENTORY_FIXTURES}**`,
      ...directories,
    ],
    { cwd, encoding: 'utf8' },
  );
  const { diagnostics } = JSON.parse(result.stdout) as {
    diagnostics: Array<{ code: string; filename: string; labels: Array<{ span: { line: number; column: number } }> }>;
  };
  return diagnostics
    .filter((diagnostic) => diagnostic.code === 'pg-boss(no-bare-create-queue)')
    .map(
      ({ filename, labels: [label] }) =>
        `${path.relative(cwd, path.resolve(cwd, filename))}:${label!.span.line}:${label!.span.column}`,
    )
    .sort();
}

beforeAll(() => {
  workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-oxlint-'));
  fs.mkdirSync(path.join(workDirectory, 'cases'));
  writeRuleCases(path.join(workDirectory, 'cases'));
});
afterAll(() => {
  fs.rmSync(workDirectory, { recursive: true, force: true });
});

describe('oxlint with the plugin in jsPlugins', () => {
  it("reports the lines ESLint reports on the rule's fixture files", async () => {
    const eslint = await eslintFindings(root, FIXTURE_DIRECTORIES);
    expect(eslint.length).toBeGreaterThan(10);
    expect(oxlintFindings(root, FIXTURE_DIRECTORIES)).toEqual(eslint);
  });

  it("reports the lines ESLint reports on every case of the rule's untyped test table", async () => {
    const eslint = await eslintFindings(workDirectory, ['cases']);
    expect(eslint.length).toBeGreaterThan(10);
    expect(oxlintFindings(workDirectory, ['cases'])).toEqual(eslint);
  });
});
