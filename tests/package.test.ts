import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliWatchingModules } from './support/cliModules';

const root = path.resolve(__dirname, '..');

/** Runs a snippet in a fresh Node process inside the package, where it can import itself by name. */
function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
}

describe('the built package', () => {
  it('loads the runtime from CommonJS without loading ESLint, TypeScript or jscodeshift', () => {
    const output = runNode([
      '-e',
      `const runtime = require('pg-boss-safe-create-queue');
       const heavy = Object.keys(require.cache).filter((file) => /node_modules[\\\\/](eslint|typescript|jscodeshift|@typescript-eslint)[\\\\/]/.test(file));
       console.log(JSON.stringify({ exports: Object.keys(runtime).sort(), heavy }));`,
    ]);
    expect(JSON.parse(output)).toEqual({
      exports: [
        'PgBossNotStartedError',
        'PgBossPermissionError',
        'PgBossSchemaNotFoundError',
        'QueueContentionError',
        'QueueDeclarationError',
        'QueueDriftError',
        'QueueResetRefusedError',
        'QueueTimeoutError',
        'classifyQueueError',
        'ensureQueue',
        'resetQueues',
        'safeCreateQueue',
        'safeCreateQueues',
        'verifyQueues',
      ],
      heavy: [],
    });
  });

  it('loads the runtime from an ES module with named imports', () => {
    const output = runNode([
      '--input-type=module',
      '-e',
      `import { safeCreateQueue, safeCreateQueues, verifyQueues } from 'pg-boss-safe-create-queue';
       console.log([safeCreateQueue, safeCreateQueues, verifyQueues].map((fn) => typeof fn).join(','));`,
    ]);
    expect(output.trim()).toBe('function,function,function');
  });

  it('exposes the plugin as the default export of both module systems', () => {
    const output = runNode([
      '--input-type=module',
      '-e',
      `import plugin from 'eslint-plugin-pg-boss';
       import { createRequire } from 'node:module';
       const required = createRequire(import.meta.url)('eslint-plugin-pg-boss');
       console.log(JSON.stringify({ same: plugin === required, name: plugin.meta.name, rules: Object.keys(plugin.rules) }));`,
    ]);
    expect(JSON.parse(output)).toEqual({
      same: true,
      name: 'eslint-plugin-pg-boss',
      rules: ['no-bare-create-queue', 'no-conflicting-queue-options', 'no-undeclared-queue'],
    });
  });

  it('links each rule to its page at the release tag that changesets gives this version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const output = runNode([
      '-e',
      `const { rules } = require('eslint-plugin-pg-boss');
       console.log(JSON.stringify(Object.entries(rules).map(([name, rule]) => [name, rule.meta.docs.url])));`,
    ]);
    const links = JSON.parse(output) as Array<[string, string]>;
    expect(links.length).toBeGreaterThan(0);
    for (const [name, url] of links) {
      expect(url).toBe(
        `https://github.com/eslint-plugin-pg-boss/eslint-plugin-pg-boss/blob/eslint-plugin-pg-boss@${version}/docs/rules/${name}.md`,
      );
      expect(fs.existsSync(path.join(root, `docs/rules/${name}.md`))).toBe(true);
    }
  });
});

describe('the CLIs on a tree without pg-boss code', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const directory of made) fs.rmSync(directory, { recursive: true, force: true });
  });
  const tree = (files: Record<string, string>) => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-start-'));
    made.push(directory);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(directory, name), text);
    return directory;
  };

  it('load no parser and no scope analysis, and do once a file can hold a queue call', () => {
    const without = tree({ 'index.ts': 'export const answer = 42;\n' });
    const withCall = tree({
      'boss.ts': "export async function declare(boss: any) {\n  await boss.createQueue('a');\n}\n",
    });
    for (const [bin, args] of [
      ['dist/src/cli/pgBossQueues.js', ['--json', '.']],
      ['dist/src/cli/pgBossCodemod.js', ['--dry', '.']],
    ] as const) {
      expect(runCliWatchingModules(bin, args, without).heavy, bin).toEqual([]);
      expect(runCliWatchingModules(bin, args, withCall).heavy, bin).toEqual([
        '@typescript-eslint/scope-manager',
        'oxc-parser',
      ]);
    }
  });
});
