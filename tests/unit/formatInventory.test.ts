import { describe, expect, it } from 'vitest';
import { formatInventory } from '../../src/inventory/formatInventory';
import type { InventoryProblem, QueueInventory, QueueUse } from '../../src/inventory/queueInventory';

/** More rows than a call can take as arguments: spread into `Math.max`, they overflowed the stack. */
const MANY = 150_000;

describe('the table of pg-boss-queues', () => {
  it('prints a queue used in 150,000 places, and as many unreadable names in one file', () => {
    const uses: QueueUse[] = Array.from({ length: MANY }, (_, index) => ({
      file: 'src/send.ts',
      line: index + 1,
      column: 7,
      method: 'send',
    }));
    const unresolved: InventoryProblem[] = Array.from({ length: MANY }, (_, index) => ({
      kind: 'unresolved-name',
      queue: null,
      locations: [{ file: 'src/names.ts', line: index + 1, column: 7 }],
      message: 'The queue name `name` (send) is not a constant; it cannot be checked.',
    }));
    const inventory: QueueInventory = {
      queues: [{ name: 'emails', declared: true, declarations: [], uses, maybeDeclaredBy: [] }],
      problems: unresolved,
    };
    const lines = formatInventory(inventory, { options: false }).split('\n');
    expect(lines[2]).toMatch(/^emails +yes +- +src\/send\.ts:1 send +-$/);
    expect(lines[MANY + 1]).toMatch(/^ +src\/send\.ts:150000 send$/);
    expect(lines.filter((line) => line === '    src/names.ts')).toHaveLength(1);
    expect(lines.at(-2)).toBe(`      ${MANY}: The queue name \`name\` (send) is not a constant; it cannot be checked.`);
  });
});
