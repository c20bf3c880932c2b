import { RuleTester } from '@typescript-eslint/rule-tester';
import { vi } from 'vitest';
import rule from '../../rules/no-conflicting-queue-options';
import { conflictingOptionsCases } from './no-conflicting-queue-options.cases';
import { typedParserOptions } from './queueProjectCases';

// The first case builds the copy's TypeScript program, which takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
const { directory, cases } = conflictingOptionsCases();

// Type information changes nothing: the project's inventory is read from its files, as without it.
new RuleTester({ languageOptions: { parserOptions: typedParserOptions(directory) } }).run(
  'no-conflicting-queue-options (typed)',
  rule,
  cases,
);
