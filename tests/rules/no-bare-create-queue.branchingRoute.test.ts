import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it, vi } from 'vitest';
import plugin from '../../src';
import { truthWhenQueueExists } from '../../src/analysis/truthWhenQueueExists';
import { branchingRoute } from '../support/branchingRoute';

// Every condition the guard analysis reads passes through this spy (its own recursion does not).
vi.mock('../../src/analysis/truthWhenQueueExists', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/analysis/truthWhenQueueExists')>();
  return { ...original, truthWhenQueueExists: vi.fn(original.truthWhenQueueExists) };
});

const RULE = 'pg-boss/no-bare-create-queue';
const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'pg-boss': plugin as never } },
  { files: ['**/*.ts'], rules: { [RULE]: 'error' } },
];

/** The lines reported in a route of `branches` ifs, and how many conditions were read to decide them. */
function lintRoute(branches: number, shape: 'else-if' | 'separate') {
  vi.mocked(truthWhenQueueExists).mockClear();
  const messages = linter.verify(branchingRoute(branches, shape), config, { filename: 'route.ts' });
  return {
    lines: messages.map((message) => [message.ruleId, message.line]),
    conditions: vi.mocked(truthWhenQueueExists).mock.calls.length,
  };
}

describe.each(['else-if', 'separate'] as const)('no-bare-create-queue on a route of %s branches', (shape) => {
  it('reports each bare createQueue, under a test that does not name its queue', () => {
    expect(lintRoute(6, shape).lines).toEqual([
      [RULE, 4],
      [RULE, 6],
      [RULE, 8],
    ]);
  });

  // Each call read every test above it again: 1,500 branches of an else-if chain spent about 0.5 s in the
  // rule, growing with the square of the chain. Counted, not timed: each branch added must add the same work.
  it('reads a number of conditions proportional to the branches', () => {
    const [short, middle, long] = [50, 100, 200].map((branches) => lintRoute(branches, shape).conditions);
    expect(long! - middle!).toBe(2 * (middle! - short!));
  });
});
