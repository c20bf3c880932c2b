import { RuleTester } from '@typescript-eslint/rule-tester';
import * as vitest from 'vitest';

const MAX_TITLE_LENGTH = 100;

/**
 * RuleTester titles a case without a `name` by its whole code, which fills the run's output with
 * programs. The title keeps one line of it: the first that calls `createQueue` (what every case is
 * about), or else its last line that says something (not a lone `}` or `});`), past the imports and
 * set-up, cut to a readable length. A failure still prints the whole case.
 */
function caseTitle(code: string): string {
  const lines = code
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => /\w/.test(line));
  const line = lines.find((candidate) => candidate.includes('createQueue')) ?? lines.at(-1) ?? code;
  return line.length > MAX_TITLE_LENGTH ? `${line.slice(0, MAX_TITLE_LENGTH - 1)}…` : line;
}

RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.it = (title, test) => vitest.it(caseTitle(title), test);
RuleTester.itOnly = (title, test) => vitest.it.only(caseTitle(title), test);
