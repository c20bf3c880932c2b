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

  it("shows each queue's problem kinds once, in the order its problems come, as a table and as a list", () => {
    const at = (line: number) => [{ file: 'src/q.ts', line, column: 1 }];
    const problem = (queue: string, kind: InventoryProblem['kind'], line: number): InventoryProblem => ({
      kind,
      queue,
      locations: at(line),
      message: `${kind} ${queue}`,
    });
    const inventory: QueueInventory = {
      queues: ['a', 'b', 'c'].map((name, index) => ({
        name,
        declared: false,
        declarations: [],
        uses: [{ ...at(index + 1)[0]!, method: 'send' }],
        maybeDeclaredBy: [],
      })),
      problems: [
        problem('b', 'unworked', 1),
        problem('a', 'undeclared', 2),
        problem('b', 'undeclared', 3),
        problem('b', 'unworked', 4),
      ],
    };
    const table = formatInventory(inventory, { options: false }).split('\n');
    expect(table.slice(2, 6)).toEqual([
      expect.stringMatching(/^a +no +- +src\/q\.ts:1 send +undeclared$/),
      expect.stringMatching(/^b +no +- +src\/q\.ts:2 send +unworked$/),
      expect.stringMatching(/^ +undeclared$/),
      expect.stringMatching(/^c +no +- +src\/q\.ts:3 send +-$/),
    ]);
    const list = formatInventory(inventory, { options: false, width: 20 }).split('\n');
    expect(list.filter((line) => !line.startsWith(' ')).slice(0, 3)).toEqual([
      'a  declared: no  undeclared',
      'b  declared: no  unworked, undeclared',
      'c  declared: no',
    ]);
  });
});
