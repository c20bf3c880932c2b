import type { QueueOperation } from './findQueueOperations';
import { describeNamePattern, matchesName } from './namePattern';
import { DECLARING_METHODS } from './queueMethods';
import type {
  InventoryProblem,
  StaticJson,
  InventoryQueue,
  ProblemKind,
  QueueDeclaration,
  QueueInventory,
  QueueUse,
  SourceLocation,
} from './queueInventory';

/** An operation whose file is relative to the scanned root, with what the scan knows of that file. */
export type LocatedOperation = QueueOperation & {
  /**
   * The file belongs to a package whose pg-boss range allows only 9 or older, which creates a queue on its
   * first job: what it uses needs no declaration (the queue is still listed, with its uses).
   */
  readonly createsQueuesImplicitly: boolean;
  /** The file is test code (see isTestFile). */
  readonly test: boolean;
};

export interface InventoryOptions {
  /** Judge test code like production code: its declarations satisfy production uses, its conflicts count. */
  readonly includeTests: boolean;
}

/**
 * Uses that do not need the queue to exist: a dead letter is checked on its own, and deleteQueue on a
 * missing queue is a no-op (pg-boss tests it so), the usual clean-up of a retired queue.
 */
const NEEDS_NO_QUEUE = new Set(['deadLetter', 'deleteQueue']);

/** The calls that put jobs in a queue, and those that take them out. */
const PRODUCING_METHODS = new Set(['send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'insert', 'schedule']);
const CONSUMING_METHODS = new Set(['work', 'fetch']);

const PROBLEM_ORDER: readonly ProblemKind[] = [
  'undeclared',
  'conflicting-options',
  'undeclared-dead-letter',
  'unresolved-name',
  'unused',
  'unworked',
];

type Unresolved = Extract<LocatedOperation, { kind: 'unresolved' }>;

/** Joins what every file declares and uses into one entry per queue, and finds what is wrong between files. */
export function buildInventory(operations: readonly LocatedOperation[], options: InventoryOptions): QueueInventory {
  const queues = new Map<string, { declarations: LocatedOperation[]; uses: LocatedOperation[] }>();
  const unresolved: Unresolved[] = [];
  const seen = new Set<string>();
  // A call followed into a wrapper's method (`queueService.work('emails', handle)`) is read at the call: its
  // receiver is the wrapper's, not one the syntax cannot place.
  const followed = new Set(operations.filter((operation) => !isUnplacedReceiver(operation)).map(positionKey));
  for (const operation of operations) {
    // A loop around a wrapper's call passes the same name at the same place once per pass: one entry.
    const key = JSON.stringify(operation);
    if (seen.has(key)) continue;
    seen.add(key);
    if (isUnplacedReceiver(operation) && followed.has(positionKey(operation))) continue;
    if (operation.kind === 'unresolved') {
      unresolved.push(operation);
      continue;
    }
    let queue = queues.get(operation.queue);
    if (!queue) queues.set(operation.queue, (queue = { declarations: [], uses: [] }));
    (operation.kind === 'declaration' ? queue.declarations : queue.uses).push(operation);
  }
  const judged = (operation: LocatedOperation) => options.includeTests || !operation.test;
  const judgedUnresolved = unresolved.filter(judged);
  const problems: InventoryProblem[] = judgedUnresolved.map(unresolvedProblem);
  // A call whose name may be any name could name every queue: its method is noted once, not matched against
  // each queue, which made an inventory of thousands of queues and such calls take minutes.
  const anyNameMethods = judgedUnresolved.filter(({ pattern }) => pattern.kind === 'any').map(({ method }) => method);
  const namedUnresolved = judgedUnresolved.filter(({ pattern }) => pattern.kind !== 'any');
  const unresolvedDeclarations = unresolved.filter(({ method }) => DECLARING_METHODS.has(method));
  const inventoryQueues: InventoryQueue[] = [];
  for (const [name, { declarations, uses }] of [...queues].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Test code alone using a queue is judged with test code's declarations: it is its own little program.
    const testOnly = !declarations.some(judged) && !uses.some(judged);
    const counts = (operation: LocatedOperation) => testOnly || judged(operation);
    const maybeDeclaredBy = unresolvedDeclarations.filter(
      (operation) => counts(operation) && matchesName(operation.pattern, name),
    );
    const declared = declarations.some(counts) ? true : maybeDeclaredBy.length > 0 ? null : false;
    const queue: InventoryQueue = {
      name,
      declared,
      declarations: declarations.map(toDeclaration),
      uses: uses.map(toUse),
      maybeDeclaredBy: declared === null ? maybeDeclaredBy.map(locationOf) : [],
    };
    inventoryQueues.push(queue);
    if (!testOnly || options.includeTests)
      problems.push(
        ...findQueueProblems({
          name,
          declared,
          declarations: declarations.filter(judged),
          uses: uses.filter(judged),
          unresolvedMethods: new Set([
            ...anyNameMethods,
            ...namedUnresolved.filter(({ pattern }) => matchesName(pattern, name)).map(({ method }) => method),
          ]),
        }),
      );
  }
  problems.sort((a, b) => PROBLEM_ORDER.indexOf(a.kind) - PROBLEM_ORDER.indexOf(b.kind));
  return { queues: inventoryQueues, problems };
}

function isUnplacedReceiver(operation: LocatedOperation): boolean {
  return operation.kind === 'unresolved' && operation.reason === 'receiver';
}

function positionKey({ file, line, column }: LocatedOperation): string {
  return `${file}:${line}:${column}`;
}

function unresolvedProblem(operation: Unresolved): InventoryProblem {
  const could = !DECLARING_METHODS.has(operation.method)
    ? ''
    : operation.pattern.kind === 'any'
      ? ' It may declare any queue: one declared nowhere else is neither declared nor undeclared (`declared: null`).'
      : ` It may declare a queue named ${describeNamePattern(operation.pattern)}: such a queue declared nowhere else is neither declared nor undeclared (\`declared: null\`).`;
  if (operation.reason === 'callee')
    return {
      kind: 'unresolved-name',
      queue: null,
      locations: [locationOf(operation)],
      message: `\`${operation.expression}\` (${operation.method}, from a module or on an object pg-boss-queues cannot follow) may be pg-boss-safe-create-queue's; it may declare a queue named ${describeNamePattern(operation.pattern)}, which is then neither declared nor undeclared (\`declared: null\`).`,
    };
  if (operation.reason === 'receiver') {
    const queue =
      operation.pattern.kind === 'any' ? 'any queue' : `a queue named ${describeNamePattern(operation.pattern)}`;
    const effect = DECLARING_METHODS.has(operation.method)
      ? `declare ${queue}, which is then neither declared nor undeclared (\`declared: null\`)`
      : `work ${queue}, which is then not called unworked or unused`;
    return {
      kind: 'unresolved-name',
      queue: null,
      locations: [locationOf(operation)],
      message: `${operation.method} is called on \`${operation.expression}\`, which may be a pg-boss instance the syntax cannot place; it may ${effect}.`,
    };
  }
  return {
    kind: 'unresolved-name',
    queue: null,
    locations: [locationOf(operation)],
    message: `The queue name \`${operation.expression}\` (${operation.method}) is not a constant; it cannot be checked.${could}`,
  };
}

interface JudgedQueue {
  readonly name: string;
  readonly declared: boolean | null;
  readonly declarations: readonly LocatedOperation[];
  readonly uses: readonly LocatedOperation[];
  /** The methods of the calls whose queue name is not known but could be this queue's. */
  readonly unresolvedMethods: ReadonlySet<string>;
}

function findQueueProblems({ name, declared, declarations, uses, unresolvedMethods }: JudgedQueue): InventoryProblem[] {
  const problems: InventoryProblem[] = [];
  const explicit = uses.filter((use) => !use.createsQueuesImplicitly);
  const method = (use: LocatedOperation) => (use.kind === 'use' ? use.method : '');
  const jobUses = explicit.filter((use) => !NEEDS_NO_QUEUE.has(method(use)));
  const deadLetterUses = explicit.filter((use) => method(use) === 'deadLetter');
  if (declared === false && jobUses.length > 0) {
    problems.push({
      kind: 'undeclared',
      queue: name,
      locations: jobUses.map(locationOf),
      message: `Queue "${name}" is used but never declared: pg-boss 10 drops what is sent to it (send returns null), 11+ throw, and its workers never run.`,
    });
  }
  if (declared === false && deadLetterUses.length > 0) {
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
  if (declarations.length > 0 && uses.length === 0 && unresolvedMethods.size === 0) {
    problems.push({
      kind: 'unused',
      queue: name,
      locations: declarations.map(locationOf),
      message: `Queue "${name}" is declared but nothing sends to it, works it or names it as a dead letter.`,
    });
  }
  const produced = uses.filter((use) => PRODUCING_METHODS.has(method(use)));
  const consumed = (method: string) =>
    uses.some((use) => use.kind === 'use' && use.method === method) || unresolvedMethods.has(method);
  if (produced.length > 0 && ![...CONSUMING_METHODS, 'deadLetter'].some(consumed)) {
    problems.push({
      kind: 'unworked',
      queue: name,
      locations: produced.map(locationOf),
      message: `Queue "${name}" is sent to but no code here works or fetches it: its jobs wait unless another service works them.`,
    });
  }
  return problems;
}

/** Only options that are all known can be compared; an unknown one is neither a match nor a conflict. */
function hasConflictingOptions(declarations: readonly LocatedOperation[]): boolean {
  const options = declarations.map((declaration) => (declaration.kind === 'declaration' ? declaration.options : null));
  if (options.includes(null)) return false;
  return new Set(options.map((option) => canonicalJson(asCreated(option!)))).size > 1;
}

/**
 * The options as pg-boss creates the queue from them: `name` in the options is the queue's own name (the
 * argument wins), and a missing `policy` is `standard`, so `{}` and `{ policy: 'standard' }` agree.
 */
function asCreated(options: { readonly [key: string]: StaticJson }): { readonly [key: string]: StaticJson } {
  const { name: _name, ...rest } = options;
  return { ...rest, policy: rest.policy ?? 'standard' };
}

/** JSON with sorted keys, so `{ a, b }` and `{ b, a }` compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function locationOf({ file, line, column, test }: LocatedOperation): SourceLocation {
  return test ? { file, line, column, test } : { file, line, column };
}

function toDeclaration(operation: LocatedOperation): QueueDeclaration {
  return { ...locationOf(operation), options: operation.kind === 'declaration' ? operation.options : null };
}

function toUse(operation: LocatedOperation): QueueUse {
  return { ...locationOf(operation), method: operation.kind === 'use' ? operation.method : '' };
}
