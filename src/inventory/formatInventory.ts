import type { InventoryProblem, ProblemKind, QueueInventory, SourceLocation } from './queueInventory';
import type { QueueScan } from './scanQueues';

const HEADER = ['queue', 'declared', 'declared at', 'used at', 'problems'];

export interface FormatOptions {
  /** Print each declaration's options on a line of its own under it. */
  readonly options: boolean;
  /** The terminal's width when stdout is one: a wider table is printed as a list instead. */
  readonly width?: number;
}

/** `1 queue`, `2 queues`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const VERDICTS = { true: 'yes', false: 'no', null: '?' } as const;

function where({ file, line, test }: SourceLocation): string {
  return `${file}:${line}${test ? ' (test)' : ''}`;
}

/**
 * The inventory as a person reads it: one row per queue (declared? · declared at · used at · problems; a
 * queue with several of each spans several lines), then every problem with its message and locations,
 * the unresolved names grouped by file.
 */
export function formatInventory(inventory: QueueInventory, format: FormatOptions): string {
  const rows: string[][] = [HEADER];
  const kindsOf = problemKindsByQueue(inventory);
  for (const queue of inventory.queues) {
    const declared = queue.declarations.flatMap((declaration) => [
      where(declaration),
      ...(format.options
        ? [`  ${declaration.options === null ? '(options not constant)' : JSON.stringify(declaration.options)}`]
        : []),
    ]);
    const maybe = queue.maybeDeclaredBy.map((location) => `maybe ${where(location)}`);
    const used = queue.uses.map((use) => `${where(use)} ${use.method}`);
    const problems = kindsOf.get(queue.name) ?? [];
    const columns = [[queue.name], [VERDICTS[`${queue.declared}`]], [...declared, ...maybe], used, problems];
    const height = Math.max(...columns.map((column) => column.length), 1);
    for (let index = 0; index < height; index++)
      rows.push(columns.map((column) => column[index] ?? (index === 0 ? '-' : '')));
  }
  // Reduced, not spread into Math.max: a table of 100,000 rows would pass as many arguments, past the stack.
  const widths = HEADER.map((_, column) => rows.reduce((widest, row) => Math.max(widest, row[column]!.length), 0));
  const tableWidth = widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1);
  const lines =
    format.width !== undefined && tableWidth > format.width ? formatList(inventory, format) : formatTable(rows, widths);
  if (inventory.queues.length === 0) lines.push('(no queues found)');
  for (const line of formatProblems(inventory.problems)) lines.push(line);
  return `${lines.join('\n')}\n`;
}

function formatTable(rows: readonly string[][], widths: readonly number[]): string[] {
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return lines;
}

/** For a narrow terminal: each queue on a line of its own, what belongs to it indented below. */
function formatList(inventory: QueueInventory, format: FormatOptions): string[] {
  const lines: string[] = [];
  const kindsOf = problemKindsByQueue(inventory);
  for (const queue of inventory.queues) {
    const problems = kindsOf.get(queue.name) ?? [];
    lines.push(
      `${queue.name}  declared: ${VERDICTS[`${queue.declared}`]}${problems.length ? `  ${problems.join(', ')}` : ''}`,
    );
    for (const declaration of queue.declarations) {
      lines.push(`  declared at ${where(declaration)}`);
      if (format.options)
        lines.push(
          `    ${declaration.options === null ? '(options not constant)' : JSON.stringify(declaration.options)}`,
        );
    }
    for (const location of queue.maybeDeclaredBy) lines.push(`  maybe declared at ${where(location)}`);
    for (const use of queue.uses) lines.push(`  used at ${where(use)} ${use.method}`);
  }
  return lines;
}

function formatProblems(problems: readonly InventoryProblem[]): string[] {
  if (problems.length === 0) return [];
  const lines = ['', 'Problems:'];
  const unresolved = problems.filter((problem) => problem.kind === 'unresolved-name');
  for (const problem of problems) {
    if (problem.kind === 'unresolved-name') continue;
    lines.push(`  ${problem.kind}: ${problem.message}`);
    for (const location of problem.locations) lines.push(`    ${where(location)}`);
  }
  if (unresolved.length > 0) {
    lines.push(
      `  unresolved-name: ${plural(unresolved.length, 'call')} whose queue name, receiver or function cannot be read before the program runs:`,
    );
    const byFile = new Map<string, InventoryProblem[]>();
    for (const problem of unresolved) {
      const file = problem.locations[0]!.file;
      const inFile = byFile.get(file);
      if (inFile) inFile.push(problem);
      else byFile.set(file, [problem]);
    }
    for (const [file, inFile] of byFile) {
      lines.push(`    ${file}${inFile[0]!.locations[0]!.test ? ' (test)' : ''}`);
      for (const problem of inFile) lines.push(`      ${problem.locations[0]!.line}: ${problem.message}`);
    }
  }
  return lines;
}

/**
 * The closing line: how many queues, how many of the used ones are decided (declared or not), what is
 * wrong, and what to do about the undecided ones.
 */
export function summarizeInventory({
  inventory,
  scanned,
  boundReached,
}: Pick<QueueScan, 'inventory' | 'scanned' | 'boundReached'>): string {
  const counts = new Map<string, number>();
  for (const problem of inventory.problems) counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
  const problems =
    counts.size === 0 ? 'no problems' : [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
  const used = inventory.queues.filter((queue) => queue.uses.length > 0);
  const undecided = used.filter((queue) => queue.declared === null);
  const blockers = [
    ...new Set(undecided.flatMap((queue) => queue.maybeDeclaredBy.map(({ file, line }) => `${file}:${line}`))),
  ];
  const decided = `${used.length - undecided.length} of ${plural(used.length, 'used queue')} decided`;
  const next =
    blockers.length === 0
      ? ''
      : `; ${undecided.length} may be declared by ${blockers.slice(0, 3).join(', ')}${blockers.length > 3 ? ` and ${blockers.length - 3} more` : ''} (a constant name there decides them)`;
  const bound = boundReached ? '; some wrappers have too many callers to follow, their names stay unknown' : '';
  return `pg-boss-queues: ${plural(scanned, 'file')} scanned, ${plural(inventory.queues.length, 'queue')}, ${decided}${next}${bound}; ${problems}\n`;
}

/**
 * Each named queue's problem kinds, in the order the problems come: read once, not per queue, which took
 * minutes on an inventory of tens of thousands of queues and problems.
 */
function problemKindsByQueue({ problems }: QueueInventory): Map<string, ProblemKind[]> {
  const kinds = new Map<string, Set<ProblemKind>>();
  for (const { queue, kind } of problems) {
    if (queue === null) continue;
    const ofQueue = kinds.get(queue);
    if (ofQueue) ofQueue.add(kind);
    else kinds.set(queue, new Set([kind]));
  }
  return new Map(Array.from(kinds, ([queue, ofQueue]) => [queue, [...ofQueue]]));
}
