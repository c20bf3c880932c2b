// A file with more bare calls than the rule offers import-adding fixes for (ESLint ran out of memory
// serialising `eslint -f json` output on thousands of calls: each fix spanned the import to its call).
// Kept out of the shared case table: the codemod agreement test reads a report without a suggestion
// as a call the codemod leaves alone, and here such a report only waits for the import.
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src';
import rule, { MAX_IMPORTING_FIXES } from '../../rules/no-bare-create-queue';
import { rewriteSource } from '../../src/rewrite/rewriteSource';
import { DEFAULT_IMPORT_SOURCE } from '../../src/runtimeModule';
import { locate } from '../support/dedent';
import { IMPORT } from './no-bare-create-queue.cases';

const RULE = 'pg-boss/no-bare-create-queue';
const CALLS = MAX_IMPORTING_FIXES + 3;
const names = Array.from({ length: CALLS }, (_, index) => `queue-${index}`);
const call = (name: string) => `boss.createQueue('${name}')`;

/** A module that declares every queue with bare calls, and the same with some of them rewritten. */
function queues(rewritten: ReadonlySet<string> = new Set(), helperImport = false): string {
  const lines = names.map(
    (name) => `  await ${rewritten.has(name) ? `safeCreateQueue(boss, '${name}')` : call(name)};`,
  );
  return `import { PgBoss } from 'pg-boss';\n${helperImport ? `${IMPORT}\n` : ''}\nconst boss = new PgBoss('postgres://localhost/app');\n\nexport async function declareQueues() {\n${lines.join('\n')}\n}\n`;
}

const code = queues();
const imported = queues(new Set(), true);

new RuleTester().run('no-bare-create-queue (many calls)', rule, {
  valid: [],
  invalid: [
    {
      // Without the helpers' import, only the first reports offer the rewrite (each one adds the import).
      code,
      errors: names.map((name, index) => ({
        messageId: 'bareCreateQueueOnVersion' as const,
        ...locate(code, call(name)),
        suggestions:
          index < MAX_IMPORTING_FIXES
            ? [{ messageId: 'useSafeCreateQueue' as const, output: queues(new Set([name]), true) }]
            : [],
      })),
    },
    {
      // Once it is imported, every report does: each fix is the call's own edit.
      code: imported,
      errors: names.map((name) => ({
        messageId: 'bareCreateQueueOnVersion' as const,
        ...locate(imported, call(name)),
        suggestions: [{ messageId: 'useSafeCreateQueue' as const, output: queues(new Set([name]), true) }],
      })),
    },
  ],
});

describe('a file with many bare calls', () => {
  const file = path.resolve('queues.js');
  const linter = new Linter({ configType: 'flat' });
  const config = (autofix: boolean): Linter.Config[] => [
    { files: ['**/*.js'], plugins: { 'pg-boss': plugin as never }, rules: { [RULE]: ['error', { autofix }] } },
  ];
  const { output: rewritten } = rewriteSource(code, file, DEFAULT_IMPORT_SOURCE);

  it('keeps each fix within its call once the import is there', () => {
    const messages = linter.verify(imported, config(false), { filename: file });
    expect(messages).toHaveLength(CALLS);
    messages.forEach((message, index) => {
      const start = imported.indexOf(call(names[index]!));
      const [fixStart, fixEnd] = message.suggestions![0]!.fix.range;
      expect(fixStart).toBeGreaterThanOrEqual(start);
      expect(fixEnd).toBeLessThanOrEqual(start + call(names[index]!).length);
    });
  });

  it('gives the codemod’s code when every quick fix is clicked', () => {
    let current = code;
    for (let step = 0; step <= CALLS; step++) {
      const suggestion = linter
        .verify(current, config(false), { filename: file })
        .find((message) => message.suggestions?.length)?.suggestions?.[0];
      if (!suggestion) break;
      current =
        current.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + current.slice(suggestion.fix.range[1]);
    }
    expect(current).toBe(rewritten);
  });

  it('gives the codemod’s code with `eslint --fix`', () => {
    const { output, messages } = linter.verifyAndFix(code, config(true), { filename: file });
    expect(messages).toEqual([]);
    expect(output).toBe(rewritten);
  });
});
