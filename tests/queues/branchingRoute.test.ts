import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { evaluateStatic } from '../../src/inventory/evaluateStatic';
import { scanQueues } from '../../src/inventory/scanQueues';
import { branchingRoute } from '../support/branchingRoute';

// Every call of evaluateStatic from another module passes through this spy (its own recursion does not).
vi.mock('../../src/inventory/evaluateStatic', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/inventory/evaluateStatic')>();
  return { ...original, evaluateStatic: vi.fn(original.evaluateStatic) };
});

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

/** The inventory of one file routing through `branches` ifs, and how many expressions were evaluated for it. */
function scanRoute(branches: number, shape: 'else-if' | 'separate', inLoop = false) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-queues-chain-'));
  directories.push(directory);
  fs.writeFileSync(path.join(directory, 'route.ts'), branchingRoute(branches, shape, inLoop));
  vi.mocked(evaluateStatic).mockClear();
  const { inventory } = scanQueues([directory], new Set(['ts']));
  return { inventory, evaluations: vi.mocked(evaluateStatic).mock.calls.length };
}

describe.each(['else-if', 'separate'] as const)('pg-boss-queues on a route of %s branches', (shape) => {
  it('reads every branch, under a test it cannot decide', () => {
    const { inventory } = scanRoute(6, shape);
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([
      ['q0', true],
      ['q1', false],
      ['q2', true],
      ['q3', false],
      ['q4', true],
      ['q5', false],
    ]);
  });

  // Each call read every test above it (a chain) or before it (a block) again: 1,500 branches took 9 to
  // 22 s, growing with their square. Counted, not timed: each branch added must add the same work.
  it('evaluates a number of expressions proportional to the branches', () => {
    const [short, middle, long] = [50, 100, 200].map((branches) => scanRoute(branches, shape).evaluations);
    expect(long! - middle!).toBe(2 * (middle! - short!));
  });

  // A call in a loop has bindings of its own, under which the tests above the loop were read again for
  // each call: 1,000 branches evaluated 504,500 expressions. Those tests cannot read the loop's variable.
  it('evaluates a number of expressions proportional to the branches when each call sits in a loop', () => {
    expect(scanRoute(6, shape, true).inventory.queues.map(({ name, declared }) => [name, declared])).toEqual(
      scanRoute(6, shape).inventory.queues.map(({ name, declared }) => [name, declared]),
    );
    const [short, middle, long] = [50, 100, 200].map((branches) => scanRoute(branches, shape, true).evaluations);
    expect(long! - middle!).toBe(2 * (middle! - short!));
  });
});
