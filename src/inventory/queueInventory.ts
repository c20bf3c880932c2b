/**
 * The shape `pg-boss-queues --json` prints: a contract for CI scripts and for the runtime's
 * `verifyQueues(boss, inventory)`, so fields are only ever added, never renamed.
 */

/** A JSON value as read from the code: what a constant or an options object holds. */
export type StaticJson = string | number | boolean | null | StaticJson[] | { [key: string]: StaticJson };

export interface SourceLocation {
  /** Relative to the scanned root, with `/` separators. */
  readonly file: string;
  readonly line: number;
  /** The column of the call, counted from 1. */
  readonly column: number;
  /** Present (true) when the file is test code: a test folder, `*.test.*` or `*.spec.*`. */
  readonly test?: true;
}

export interface QueueDeclaration extends SourceLocation {
  /** The options the queue is created with (`{}` when none are passed); null when they could not be read statically. */
  readonly options: { readonly [key: string]: StaticJson } | null;
}

export interface QueueUse extends SourceLocation {
  /** The pg-boss method (`send`, `work`, …), or `deadLetter` when another queue names this one as its dead letter. */
  readonly method: string;
}

export interface InventoryQueue {
  readonly name: string;
  /**
   * Whether the code declares the queue: true when a declaration names it, false when none does and none
   * could, null when a declaration whose name is not a constant could have named it (`maybeDeclaredBy`).
   * Test code's declarations count only for queues test code alone uses (unless `--include-tests`).
   */
  readonly declared: boolean | null;
  readonly declarations: readonly QueueDeclaration[];
  readonly uses: readonly QueueUse[];
  /** The declarations whose queue name is not known and could be this queue's; empty unless `declared` is null. */
  readonly maybeDeclaredBy: readonly SourceLocation[];
}

export type ProblemKind =
  'undeclared' | 'conflicting-options' | 'undeclared-dead-letter' | 'unused' | 'unworked' | 'unresolved-name';

/** The kinds that make the command exit 1: each is a failure at run time, not a matter of taste. */
export const FAILING_PROBLEM_KINDS: ReadonlySet<ProblemKind> = new Set([
  'undeclared',
  'conflicting-options',
  'undeclared-dead-letter',
]);

export interface InventoryProblem {
  readonly kind: ProblemKind;
  /** Null for `unresolved-name`, whose queue is not known. */
  readonly queue: string | null;
  readonly locations: readonly SourceLocation[];
  readonly message: string;
}

export interface QueueInventory {
  /** Sorted by name. */
  readonly queues: readonly InventoryQueue[];
  readonly problems: readonly InventoryProblem[];
}
