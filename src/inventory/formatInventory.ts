import type { QueueInventory } from './queueInventory';
import type { QueueScan } from './scanQueues';

const HEADER = ['queue', 'declared at (options)', 'used at', 'problems'];

/** `1 queue`, `2 queues`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The inventory as a person reads it: one row per queue (declared at, with options · used at · problems;
 * a queue with several of each spans several lines), then every problem with its message and locations.
 */
export function formatInventory(inventory: QueueInventory): string {
  const rows: string[][] = [HEADER];
  for (const queue of inventory.queues) {
    const declared = queue.declarations.map(
      ({ file, line, options }) =>
        `${file}:${line} ${options === null ? '(options not constant)' : JSON.stringify(options)}`,
    );
    const used = queue.uses.map(({ file, line, method }) => `${file}:${line} ${method}`);
    const problems = [
      ...new Set(inventory.problems.filter((problem) => problem.queue === queue.name).map((problem) => problem.kind)),
    ];
    const height = Math.max(declared.length, used.length, problems.length, 1);
    for (let index = 0; index < height; index++) {
      rows.push([
        index === 0 ? queue.name : '',
        declared[index] ?? (index === 0 ? '-' : ''),
        used[index] ?? (index === 0 ? '-' : ''),
        problems[index] ?? (index === 0 ? '-' : ''),
      ]);
    }
  }
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  if (inventory.queues.length === 0) lines.push('(no queues found)');

  if (inventory.problems.length > 0) lines.push('', 'Problems:');
  for (const problem of inventory.problems) {
    lines.push(`  ${problem.kind}: ${problem.message}`);
    for (const { file, line } of problem.locations) lines.push(`    ${file}:${line}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The closing line: how many queues, how many problems of each kind, and whether undeclared queues could
 * be told at all (not while a declaration's queue name is unresolved).
 */
export function summarizeInventory({
  inventory,
  scanned,
  unresolvedDeclarations,
}: Pick<QueueScan, 'inventory' | 'scanned' | 'unresolvedDeclarations'>): string {
  const counts = new Map<string, number>();
  for (const problem of inventory.problems) counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
  const problems =
    counts.size === 0 ? 'no problems' : [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
  const unknown =
    unresolvedDeclarations === 0
      ? ''
      : `; undeclared queues cannot be told while ${plural(unresolvedDeclarations, 'declaration')} ${unresolvedDeclarations === 1 ? 'has' : 'have'} an unresolved queue name`;
  return `pg-boss-queues: ${plural(scanned, 'file')} scanned, ${plural(inventory.queues.length, 'queue')}; ${problems}${unknown}\n`;
}
