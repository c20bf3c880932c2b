import { readCapabilities, type Capabilities } from './capabilities';
import { checkBoss, checkSettings } from './checkSettings';
import { Deadline } from './deadline';
import { QueueDeclarationError } from './errors';
import { adaptQueueOptions, readQueueOptions, type GivenOptions, type QueueDeclaration } from './normalizeQueueOptions';
import type { PgBossLike, QueueDeclarations, SafeCreateQueueSettings } from './types';
import { inventoryEntries, isQueueInventory } from './inventoryDeclarations';

export interface PreparedDeclarations<S extends SafeCreateQueueSettings = SafeCreateQueueSettings> {
  readonly boss: PgBossLike;
  readonly capabilities: Capabilities;
  /** Declared queues in declaration order, with their options. */
  readonly queues: ReadonlyMap<string, QueueDeclaration>;
  /** The bound on the whole call, started before its first statement. */
  readonly deadline: Deadline;
  /** The checked copy of the caller's settings, the only one the call reads. */
  readonly settings: S;
}

/**
 * Checks the declaration list before any SQL (each name a non-empty string, declared once; options
 * read once), then reads the instance's capabilities (one read-only query) and fits the options to them,
 * before anything is written. Names and option values are the installed createQueue's to judge.
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
  const given = new Map<string, GivenOptions>();
  for (const [name, options] of entries) {
    if (typeof name !== 'string' || name === '') {
      throw new QueueDeclarationError(`Each declared queue needs a name, a non-empty string; got ${String(name)}.`);
    }
    if (given.has(name)) throw new QueueDeclarationError(`Queue "${name}" is declared twice.`);
    given.set(name, readQueueOptions(name, options));
  }
  const deadline = Deadline.of(settings, boss);
  const capabilities = await readCapabilities(boss, settings, deadline);
  const queues = new Map(
    [...given].map(([name, options]) => [name, adaptQueueOptions(boss, name, options, capabilities, settings)]),
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
