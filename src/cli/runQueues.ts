import { formatInventory, summarizeInventory } from '../inventory/formatInventory';
import { FAILING_PROBLEM_KINDS } from '../inventory/queueInventory';
import { scanQueues } from '../inventory/scanQueues';
import { formatUsageError } from './readCommandLine';

export interface QueuesOptions {
  readonly paths: readonly string[];
  readonly extensions: ReadonlySet<string>;
  /** Print the inventory as JSON rather than as a table. */
  readonly json: boolean;
  /** Print each declaration's options under it in the table. */
  readonly options: boolean;
  /** Judge test code like production code. */
  readonly includeTests: boolean;
}

/** One `pg-boss-queues` run: the inventory on stdout, what was skipped and the summary on stderr; returns the exit code. */
export function runQueues({ paths, extensions, json, options, includeTests }: QueuesOptions): number {
  let scan;
  try {
    scan = scanQueues(paths, extensions, { includeTests });
  } catch (error) {
    process.stderr.write(formatUsageError('pg-boss-queues', (error as Error).message));
    return 2;
  }
  const { inventory } = scan;
  process.stdout.write(
    json
      ? `${JSON.stringify(inventory, null, 2)}\n`
      : formatInventory(inventory, { options, width: process.stdout.isTTY ? process.stdout.columns : undefined }),
  );
  for (const { file, reason } of scan.skipped) process.stderr.write(`skipped ${file}: ${reason}\n`);
  process.stderr.write(summarizeInventory(scan));
  return inventory.problems.some((problem) => FAILING_PROBLEM_KINDS.has(problem.kind)) ? 1 : 0;
}
