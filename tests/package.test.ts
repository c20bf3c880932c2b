import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
