import type { InventoryProblem, QueueInventory, SourceLocation } from '../inventory/queueInventory';

/** One place a problem of the inventory is located, with the problem. */
export interface ProblemLocated {
  readonly problem: InventoryProblem;
  readonly location: SourceLocation;
}

/** Per inventory, its problems' locations by file: built once, asked by the lint of every file. */
const indexes = new WeakMap<QueueInventory, ReadonlyMap<string, readonly ProblemLocated[]>>();

/**
 * The problems of `inventory` located in `file` (relative to the scanned root, `/` separators), one entry
 * per location there, in the inventory's order. A whole-tree lint asks this of every file against the same
 * inventory, and most files hold none: the answer is a look-up, not a walk over every problem.
 */
export function problemsInFile(inventory: QueueInventory, file: string): readonly ProblemLocated[] {
  let index = indexes.get(inventory);
  if (!index) indexes.set(inventory, (index = indexByFile(inventory)));
  return index.get(file) ?? [];
}

function indexByFile(inventory: QueueInventory): ReadonlyMap<string, readonly ProblemLocated[]> {
  const index = new Map<string, ProblemLocated[]>();
  for (const problem of inventory.problems) {
    for (const location of problem.locations) {
      let located = index.get(location.file);
      if (!located) index.set(location.file, (located = []));
      located.push({ problem, location });
    }
  }
  return index;
}
