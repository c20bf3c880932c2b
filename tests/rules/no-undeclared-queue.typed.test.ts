import { RuleTester } from '@typescript-eslint/rule-tester';
import { vi } from 'vitest';
import rule from '../../rules/no-undeclared-queue';
import { undeclaredQueueCases } from './no-undeclared-queue.cases';
import { typedParserOptions } from './queueProjectCases';

// The first case builds the copy's TypeScript program, which takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
const { directory, cases } = undeclaredQueueCases();

// Type information changes nothing: the project's inventory is read from its files, as without it.
new RuleTester({ languageOptions: { parserOptions: typedParserOptions(directory) } }).run(
  'no-undeclared-queue (typed)',
  rule,
  cases,
);
