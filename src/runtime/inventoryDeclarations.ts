import { QueueDeclarationError } from './errors';
import type { QueueInventoryDeclarations } from './types';

/** `pg-boss-queues --json` output: an object whose `queues` is an array (queue options never are). */
export function isQueueInventory(declarations: unknown): declarations is QueueInventoryDeclarations {
  return (
    typeof declarations === 'object' &&
    declarations !== null &&
    !Array.isArray(declarations) &&
    Array.isArray((declarations as { queues?: unknown }).queues)
  );
}

/**
 * The queues an inventory's production code declares, as [name, options]. A queue the code only uses is
 * not a declaration and is left out, and so are declarations in test code. A queue declared in several places with different options, or with options the
 * inventory could not read, is refused: which of them the database should hold is the code's decision,
 * and picking one would hide the conflict the inventory exists to show.
 */
export function inventoryEntries(inventory: QueueInventoryDeclarations): Array<[unknown, unknown]> {
  const entries: Array<[unknown, unknown]> = [];
  for (const queue of inventory.queues) {
    if (typeof queue !== 'object' || queue === null || !Array.isArray(queue.declarations))
      throw new QueueDeclarationError('Each inventory queue must be { name, declarations: [...] }.');
    const { name } = queue;
    // A test's own declaration (other options for a test, a per-test queue) is not what production creates.
    const declarations = queue.declarations.filter((declaration) => declaration.test !== true);
    if (declarations.length === 0) continue;
    const where = (index: number) => `${declarations[index]!.file}:${declarations[index]!.line}`;
    const unread = declarations.findIndex((declaration) => declaration.options === null);
    if (unread !== -1) {
      throw new QueueDeclarationError(
        `Queue "${String(name)}" is declared at ${where(unread)} with options that could not be read from the code; declare them with constants.`,
      );
    }
    const first = canonicalJson(declarations[0]!.options);
    const differing = declarations.findIndex((declaration) => canonicalJson(declaration.options) !== first);
    if (differing !== -1) {
      throw new QueueDeclarationError(
        `Queue "${String(name)}" is declared with conflicting options at ${where(0)} and ${where(differing)}; make them agree before comparing with the database.`,
      );
    }
    entries.push([name, declarations[0]!.options]);
  }
  return entries;
}

/** JSON with sorted keys, so `{ a, b }` and `{ b, a }` compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
