import * as espree from 'espree';
import { Linter, SourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src';

const RULE = 'pg-boss/no-bare-create-queue';

// The inner `ok` is its own binding only where `const` is block scoped: under ES5 scoping both
// declarations fall into the function, `ok` has no single value, and nothing guards the call.
const text = `
async function setup(boss, name) {
  const ok = false;
  {
    const ok = true;
    if (ok) return;
    await boss.createQueue(name);
  }
}
`;

/**
 * A SourceCode given to Linter#verify without a scope manager is analysed again under each config, so
 * the same nodes are read under different scopes: what one verify learned of them must not answer the next.
 */
function reportedLines(order: readonly (5 | 'latest')[]): number[][] {
  const ast = espree.parse(text, { ecmaVersion: 'latest', range: true, loc: true, tokens: true, comment: true });
  const sourceCode = new SourceCode(text, ast as never);
  const linter = new Linter();
  return order.map((ecmaVersion) =>
    linter
      .verify(
        sourceCode,
        [
          {
            languageOptions: { ecmaVersion, sourceType: 'script' },
            plugins: { 'pg-boss': plugin as never },
            rules: { [RULE]: 'error' },
          },
        ],
        'setup.js',
      )
      .map((message) => message.line),
  );
}

describe('no-bare-create-queue on one SourceCode verified under two configs', () => {
  it('reads the guard again under block scoping after ES5 scoping', () => {
    expect(reportedLines([5, 'latest'])).toEqual([[7], []]);
  });

  it('reads the guard again under ES5 scoping after block scoping', () => {
    expect(reportedLines(['latest', 5])).toEqual([[], [7]]);
  });
});
