import { getCapabilities, type Capabilities } from './capabilities';
import { checkBoss, checkSettings } from './checkSettings';
import { Deadline } from './deadline';
import { QueueDeclarationError } from './errors';
import {
  adaptQueueOptions,
  checkQueueOptions,
  type CheckedOptions,
  type DesiredOptions,
} from './normalizeQueueOptions';
import type { PgBossLike, QueueDeclarations, SafeCreateQueueSettings } from './types';
import { validateQueueName } from './validateQueueName';
import { inventoryEntries, isQueueInventory } from './inventoryDeclarations';

export interface PreparedDeclarations<S extends SafeCreateQueueSettings = SafeCreateQueueSettings> {
  readonly boss: PgBossLike;
  readonly capabilities: Capabilities;
  /** Declared queues in declaration order, with their checked options. */
  readonly queues: ReadonlyMap<string, DesiredOptions>;
  /** The bound on the whole call, started before its first statement. */
  readonly deadline: Deadline;
  /** The checked copy of the caller's settings, the only one the call reads. */
  readonly settings: S;
}

/**
 * Checks every declaration (names, duplicates, option types) before any SQL, then reads the instance's
 * capabilities (one read-only query) and fits the options to them, before anything is written.
 */
export async function prepareDeclarations<S extends SafeCreateQueueSettings>(
  boss: unknown,
  declarations: QueueDeclarations,
  givenSettings?: S,
  extraSettings: readonly string[] = [],
): Promise<PreparedDeclarations<S>> {
  checkBoss(boss);
  const settings = checkSettings(givenSettings, extraSettings);
  const entries = toEntries(declarations);
  const checked = new Map<string, CheckedOptions>();
  for (const [name, options] of entries) {
    validateQueueName(name);
    if (checked.has(name)) throw new QueueDeclarationError(`Queue "${name}" is declared twice.`);
    checked.set(name, checkQueueOptions(name, options));
  }
  const deadline = Deadline.of(settings);
  const capabilities = await deadline.wait('reading the pg-boss schema', getCapabilities(boss, settings));
  const queues = new Map(
    [...checked].map(([name, options]) => [name, adaptQueueOptions(boss, name, options, capabilities, settings)]),
  );
  return { boss, capabilities, queues, deadline, settings };
}

function toEntries(declarations: QueueDeclarations): Array<[unknown, unknown]> {
  if (isQueueInventory(declarations)) return inventoryEntries(declarations);
  if (Array.isArray(declarations)) {
    return declarations.map((declaration: unknown) => {
      if (typeof declaration !== 'object' || declaration === null)
        throw new QueueDeclarationError(`Each declaration must be { name, options }, got ${String(declaration)}.`);
      const { name, options } = declaration as { name?: unknown; options?: unknown };
      return [name, options];
    });
  }
  if (typeof declarations !== 'object' || declarations === null) {
    throw new QueueDeclarationError(
      'Declarations must be an object of name → options or an array of { name, options }.',
    );
  }
  return Object.entries(declarations);
}
