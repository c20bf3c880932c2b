import type { Capabilities } from './capabilities';
import { QueueDeclarationError } from './errors';
import { reportQueueEvent, type QueueEvent } from './events';
import { DURATION_SPELLINGS, SPEC_BY_KEY } from './queueOptionSpecs';
import type { SafeCreateQueueSettings } from './types';
import { describeUpgradeHazard, upgradeHazards } from './upgradeHazards';

/** The options as the caller gave them. Nothing is judged here: the installed createQueue judges them. */
export interface GivenOptions {
  /** The object's own enumerable keys and their values, read once, in order, `undefined` values included. */
  readonly entries: ReadonlyMap<string, unknown>;
  /**
   * The object itself when it is not a plain object (an array, a Date, a Map, a class instance): how
   * pg-boss reads one (11.x writes an array's JSON into its SQL, which drops every key) is for pg-boss
   * to decide, so createQueue gets it as plain createQueue would.
   */
  readonly container?: object;
}

/** The declared values of the options the installed version stores, spelt as it stores them, for comparing. */
export type DesiredOptions = Readonly<Record<string, unknown>>;

/** One queue's declaration: what to hand createQueue, and what the stored queue should then hold. */
export interface QueueDeclaration {
  readonly given: GivenOptions;
  readonly desired: DesiredOptions;
}

/**
 * Reads the options once, so that a getter is never asked twice and a plain object is never written
 * (10.x–12.3 write into the object createQueue gets; it gets a copy). `undefined` and `null` mean no
 * options. A primitive is refused: pg-boss would fail on it with a TypeError of its own.
 */
export function readQueueOptions(queue: string, options: unknown): GivenOptions {
  const entries = new Map<string, unknown>();
  if (options === undefined || options === null) return { entries };
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw new QueueDeclarationError(`Options of queue "${queue}" must be an object, got ${typeof options}.`);
  }
  for (const key of Object.keys(options)) {
    try {
      entries.set(key, (options as Record<string, unknown>)[key]);
    } catch (error) {
      throw new QueueDeclarationError(`Queue "${queue}": reading option "${key}" threw.`, { cause: error });
    }
  }
  const prototype: unknown = Object.getPrototypeOf(options);
  return prototype === Object.prototype || prototype === null ? { entries } : { entries, container: options };
}

/**
 * Fits read options to the installed version: the options it stores become the desired values the
 * stored queue is compared with. Any other key is one its createQueue does not store (a typo, another
 * version's option, a unit spelling only 10.x's types advertise): it is reported as an `ignored-option`
 * event whatever its value, `undefined` included, which a later version that stores the key refuses. A
 * name or value the installed version accepts but a later major refuses is reported as an
 * `upgrade-hazard` event. Under `settings.strict` either is rejected instead. Values are otherwise not
 * judged here: createQueue judges them as it would without the helper.
 */
export function adaptQueueOptions(
  boss: object,
  queue: string,
  given: GivenOptions,
  capabilities: Capabilities,
  settings: SafeCreateQueueSettings,
): QueueDeclaration {
  for (const hazard of upgradeHazards(boss, queue, given, capabilities)) {
    warnOrRefuse(boss, queue, settings, describeUpgradeHazard(hazard), '', {
      kind: 'upgrade-hazard',
      queue,
      ...hazard,
    });
  }
  const stored = capabilities.storedOptions;
  const desired: Record<string, unknown> = {};
  for (const [key, value] of given.entries) {
    if (key === 'name' && value === queue) continue;
    if (stored.includes(key)) {
      // 11/12 read a null or empty policy as `standard`, as an absent one; 10.x refuses both.
      if (value === undefined || (key === 'policy' && (value === null || value === ''))) continue;
      desired[key] = asStored(key, value);
      continue;
    }
    const ignored = `option "${key}" is ignored by the installed pg-boss version, which stores ${stored.join(', ')}`;
    warnOrRefuse(boss, queue, settings, ignored, replacementHint(key, value, capabilities), {
      kind: 'ignored-option',
      queue,
      option: key,
    });
  }
  return { given, desired };
}

/** A warning event about the declaration, or, under `settings.strict`, its rejection before any SQL touches a queue. */
function warnOrRefuse(
  boss: object,
  queue: string,
  settings: SafeCreateQueueSettings,
  problem: string,
  hint: string,
  event: QueueEvent,
): void {
  if (settings.strict) throw new QueueDeclarationError(`Queue "${queue}": ${problem} (settings.strict).`);
  reportQueueEvent(boss, settings.logger, 'warn', `pg-boss queue "${queue}": ${problem}${hint}.`, event);
}

/** PostgreSQL's spellings of a boolean, which pg-boss's SQL casts an option's text to. */
const BOOLEAN_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['t', true],
  ['yes', true],
  ['on', true],
  ['1', true],
  ['false', false],
  ['f', false],
  ['no', false],
  ['off', false],
  ['0', false],
]);

/**
 * A value createQueue accepted, as the queue table then holds it: pg-boss casts an option's JSON text to
 * the column's type, so `'60'` is stored as 60 and `'true'` as true. Anything else is kept as given.
 */
function asStored(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const kind = SPEC_BY_KEY.get(key)?.kind;
  if (kind === 'integer' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value);
  if (kind === 'boolean') return BOOLEAN_TEXT.get(value.trim().toLowerCase()) ?? value;
  return value;
}

/** For a duration in a unit this version ignores, the option and value it stores instead. */
function replacementHint(key: string, value: unknown, capabilities: Capabilities): string {
  const spelling = DURATION_SPELLINGS.get(key);
  if (!spelling || typeof value !== 'number') return '';
  const target =
    spelling.family === 'expireIn' ? 'expireInSeconds' : capabilities.legacy ? 'retentionMinutes' : 'retentionSeconds';
  const converted = (value * spelling.seconds) / DURATION_SPELLINGS.get(target)!.seconds;
  return Number.isInteger(converted) ? `; declare ${target}: ${converted} for the same duration` : '';
}
