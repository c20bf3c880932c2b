import type { QueueOperation } from './findQueueOperations';
import type {
  InventoryProblem,
  InventoryQueue,
  ProblemKind,
  QueueDeclaration,
  QueueInventory,
  QueueUse,
  SourceLocation,
} from './queueInventory';

/** The operations found in one file, the file relative to the scanned root. */
export interface FileOperations {
  readonly file: string;
  readonly operations: readonly QueueOperation[];
  /**
   * The file belongs to a package on pg-boss 9 or older, which creates a queue on its first job: what
   * it uses needs no declaration (the queue is still listed, with its uses).
   */
  readonly createsQueuesImplicitly: boolean;
}

/**
 * Uses that do not need the queue to exist: a dead letter is checked on its own, and deleteQueue on a
 * missing queue is a no-op (pg-boss tests it so), the usual clean-up of a retired queue.
 */
const NEEDS_NO_QUEUE = new Set(['deadLetter', 'deleteQueue']);

/** The calls whose queue name declares a queue. */
const DECLARING_METHODS = new Set(['createQueue', 'safeCreateQueue', 'safeCreateQueues']);

/**
 * How many declarations have a queue name that is not a constant. While there is one, a queue used but
 * declared nowhere else may be declared there: the inventory does not guess, so it calls none undeclared.
 */
export function countUnresolvedDeclarations(files: readonly FileOperations[]): number {
  return files
    .flatMap(({ operations }) => operations)
    .filter((operation) => operation.kind === 'unresolved' && DECLARING_METHODS.has(operation.method)).length;
}

const PROBLEM_ORDER: readonly ProblemKind[] = [
  'undeclared',
  'conflicting-options',
  'undeclared-dead-letter',
  'unresolved-name',
  'unused',
];

/** Joins what every file declares and uses into one entry per queue, and finds what is wrong between files. */
export function buildInventory(files: readonly FileOperations[]): QueueInventory {
  const queues = new Map<string, { declarations: QueueDeclaration[]; uses: QueueUse[] }>();
  const implicit = new Set(files.filter((file) => file.createsQueuesImplicitly).map(({ file }) => file));
  const entry = (name: string) => {
    let queue = queues.get(name);
    if (!queue) queues.set(name, (queue = { declarations: [], uses: [] }));
    return queue;
  };
  const problems: InventoryProblem[] = [];
  const declarationsKnown = countUnresolvedDeclarations(files) === 0;
  for (const { file, operations } of files) {
    for (const operation of operations) {
      if (operation.kind === 'declaration')
        entry(operation.queue).declarations.push({
          file,
          line: operation.line,
          column: operation.column,
          options: operation.options,
        });
      else if (operation.kind === 'use')
        entry(operation.queue).uses.push({
          file,
          line: operation.line,
          column: operation.column,
          method: operation.method,
        });
      else
        problems.push({
          kind: 'unresolved-name',
          queue: null,
          locations: [{ file, line: operation.line, column: operation.column }],
          message: `The queue name \`${operation.expression}\` (${operation.method}) is not a constant; it cannot be checked.${
            DECLARING_METHODS.has(operation.method) ? UNKNOWN_DECLARATION : ''
          }`,
        });
    }
  }
  const sorted: InventoryQueue[] = [...queues]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, { declarations, uses }]) => ({ name, declarations, uses }));
  for (const queue of sorted) problems.push(...findQueueProblems(queue, implicit, declarationsKnown));
  problems.sort((a, b) => PROBLEM_ORDER.indexOf(a.kind) - PROBLEM_ORDER.indexOf(b.kind));
  return { queues: sorted, problems };
}

const UNKNOWN_DECLARATION =
  ' It may declare any queue used here, so no queue is reported as undeclared while it is unresolved.';

/** `declarationsKnown`: every declaration's queue name is known, so a queue found in none is undeclared. */
function findQueueProblems(
  { name, declarations, uses }: InventoryQueue,
  implicit: ReadonlySet<string>,
  declarationsKnown: boolean,
): InventoryProblem[] {
  const problems: InventoryProblem[] = [];
  const undeclared = declarationsKnown && declarations.length === 0;
  const explicit = uses.filter((use) => !implicit.has(use.file));
  const jobUses = explicit.filter((use) => !NEEDS_NO_QUEUE.has(use.method));
  const deadLetterUses = explicit.filter((use) => use.method === 'deadLetter');
  if (undeclared && jobUses.length > 0) {
    problems.push({
      kind: 'undeclared',
      queue: name,
      locations: jobUses.map(locationOf),
      message: `Queue "${name}" is used but never declared: pg-boss 10 drops what is sent to it (send returns null), 11+ throw, and its workers never run.`,
    });
  }
  if (undeclared && deadLetterUses.length > 0) {
    problems.push({
      kind: 'undeclared-dead-letter',
      queue: name,
      locations: deadLetterUses.map(locationOf),
      message: `Queue "${name}" is named as a deadLetter but never declared: creating the queues that name it fails.`,
    });
  }
  if (hasConflictingOptions(declarations)) {
    problems.push({
      kind: 'conflicting-options',
      queue: name,
      locations: declarations.map(locationOf),
      message: `Queue "${name}" is declared with different options in ${declarations.length} places: pg-boss keeps the first creator's, so its policy depends on which process starts first.`,
    });
  }
  if (declarations.length > 0 && uses.length === 0) {
    problems.push({
      kind: 'unused',
      queue: name,
      locations: declarations.map(locationOf),
      message: `Queue "${name}" is declared but nothing sends to it, works it or names it as a dead letter.`,
    });
  }
  return problems;
}

/** Only options that are all known can be compared; an unknown one is neither a match nor a conflict. */
function hasConflictingOptions(declarations: readonly QueueDeclaration[]): boolean {
  if (declarations.some((declaration) => declaration.options === null)) return false;
  const shapes = new Set(declarations.map((declaration) => canonicalJson(declaration.options)));
  return shapes.size > 1;
}

/** JSON with sorted keys, so `{ a, b }` and `{ b, a }` compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function locationOf({ file, line, column }: SourceLocation): SourceLocation {
  return { file, line, column };
}
