import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { vi } from 'vitest';
import rule from '../../rules/no-bare-create-queue';
import { casesFor } from './ruleCases';

const fixtures = path.resolve(__dirname, '../fixtures');
// The first case builds the fixture project's TypeScript program, which takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
const { valid, invalid } = casesFor('typed');

/** Every case is linted as a file of the fixture project, so the type checker sees the real pg-boss types. */
function inFixtureProject<T extends { code: string; filename?: string }>(item: T): T {
  return { ...item, filename: path.join(fixtures, item.filename ?? 'file.ts') };
}

new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.js'] },
      tsconfigRootDir: fixtures,
    },
  },
}).run('no-bare-create-queue (typed)', rule, {
  valid: valid.map((item) => inFixtureProject(typeof item === 'string' ? { code: item } : item)),
  invalid: invalid.map(inFixtureProject),
});
