import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src';
import packageJson from '../package.json';

const root = path.resolve(__dirname, '..');
const ruleIds = fs
  .readdirSync(path.join(root, 'rules'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

describe('plugin structure', () => {
  it('takes its name and version from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it('exports every rule file as a rule, and nothing else', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleIds.sort());
  });

  it.each(ruleIds)('%s has a docs page and tests', (id) => {
    expect(fs.existsSync(path.join(root, 'docs/rules', `${id}.md`))).toBe(true);
    expect(fs.existsSync(path.join(root, 'tests/rules', `${id}.test.ts`))).toBe(true);
    expect(fs.existsSync(path.join(root, 'tests/rules', `${id}.typed.test.ts`))).toBe(true);
  });

  it('builds the recommended config from the rules marked recommended', () => {
    const recommended = Object.entries(plugin.rules)
      .filter(([, rule]) => rule.meta.docs?.recommended)
      .map(([id]) => `pg-boss/${id}`);
    expect(plugin.configs.recommended.plugins).toEqual({ 'pg-boss': plugin });
    expect(Object.keys(plugin.configs.recommended.rules ?? {})).toEqual(recommended);
  });

  it('builds recommended-project from the project-wide rules, none of them in recommended', () => {
    const projectWide = Object.entries(plugin.rules)
      .filter(([, rule]) => rule.meta.docs?.projectWide)
      .map(([id]) => `pg-boss/${id}`);
    expect(projectWide).toEqual(['pg-boss/no-conflicting-queue-options', 'pg-boss/no-undeclared-queue']);
    expect(plugin.configs['recommended-project'].plugins).toEqual({ 'pg-boss': plugin });
    expect(Object.keys(plugin.configs['recommended-project'].rules ?? {})).toEqual(projectWide);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).filter((id) => projectWide.includes(id))).toEqual([]);
  });

  it('keeps recommended-project a config like any other, whose rules a user may replace in place', () => {
    const config = plugin.configs['recommended-project'];
    const { rules } = config;
    expect({ ...config }).toEqual({ name: 'pg-boss/recommended-project', plugins: config.plugins, rules });
    try {
      config.rules = { 'pg-boss/no-undeclared-queue': 'warn' };
      expect(config.rules).toEqual({ 'pg-boss/no-undeclared-queue': 'warn' });
    } finally {
      config.rules = rules;
    }
  });

  it('is a valid flat config that ESLint accepts', () => {
    const linter = new Linter({ configType: 'flat' });
    // An untyped parameter named boss: its name decides (an object literal would prove a look-alike).
    const messages = linter.verify('function declare(boss) { return boss.createQueue("q"); }', [
      plugin.configs.recommended as never,
    ]);
    expect(messages.map((message) => message.ruleId)).toEqual(['pg-boss/no-bare-create-queue']);
  });

  const app = path.join(root, 'tests/fixtures/app');
  const oddSyntax = fs.readFileSync(path.join(app, 'odd-syntax.tsx'), 'utf8');
  it.each(ruleIds)('%s lints an empty file and a file of unusual syntax without throwing', (id) => {
    const linter = new Linter({ configType: 'flat' });
    const config = [
      { files: ['**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      { plugins: { 'pg-boss': plugin as never }, rules: { [`pg-boss/${id}`]: 'error' as const } },
      // The project-wide rules read the small fixture app as their project, not this whole repository.
      { settings: { 'pg-boss': { queueRoots: [app] } } },
    ];
    const withCall = `${oddSyntax}\nexport const ready = (globalThis as any).boss?.createQueue?.('q');\n`;
    for (const code of ['', oddSyntax, withCall]) {
      const messages = linter.verify(code, config, { filename: path.join(app, 'file.tsx') });
      expect(messages.filter((message) => message.fatal || message.ruleId === null)).toEqual([]);
    }
  });
});
