import type { Capabilities } from './capabilities';
import { QueueDeclarationError } from './errors';
import { reportQueueEvent } from './events';
import {
  DURATION_SPELLINGS,
  MAX_INTEGER,
  QUEUE_OPTION_SPECS,
  SPEC_BY_KEY,
  versionRulesFor,
  type QueueOptionSpec,
  type VersionRules,
} from './queueOptionSpecs';
import type { SafeCreateQueueSettings } from './types';
import { validateQueueName } from './validateQueueName';

/** Declared options fitted to the installed version: only keys it stores, no `undefined`, a fresh object. */
export type DesiredOptions = Readonly<Record<string, string | number | boolean | null>>;

/**
 * Declared options after the checks that need no database: the options object's own keys, minus those
 * pg-boss treats as absent. Values of the options some pg-boss version stores are type-checked; the
 * other keys are kept as given, for the installed version to judge.
 */
export type CheckedOptions = ReadonlyMap<string, unknown>;

/**
 * Checks what can be checked without a database: a plain object, values of the right type and within
 * PostgreSQL's `integer`, a valid dead-letter name. Dropped as pg-boss drops them: `undefined` values
 * (every version would reject them), a `name` equal to the queue's (pg-boss reads it only when the
 * first argument is missing), a `null` or empty `policy` (11/12 read it as `standard`). The caller's
 * object is only read, never changed, so a frozen object works.
 */
export function checkQueueOptions(queue: string, options: unknown): CheckedOptions {
  const checked = new Map<string, unknown>();
  if (options === undefined || options === null) return checked;
  if (!isPlainObject(options)) {
    throw new QueueDeclarationError(`Options of queue "${queue}" must be a plain object, got ${describe(options)}.`);
  }
  for (const key of Object.keys(options)) {
    const value = readOption(queue, options, key);
    if (value === undefined || (key === 'name' && value === queue)) continue;
    if (key === 'policy' && (value === null || value === '')) continue;
    const spec = SPEC_BY_KEY.get(key);
    checked.set(key, spec ? checkValue(queue, spec, value) : value);
  }
  const deadLetter = checked.get('deadLetter');
  if (typeof deadLetter === 'string') validateQueueName(deadLetter, `deadLetter of queue "${queue}"`);
  return checked;
}

/** Reads one option once; a getter that throws is a declaration error, not a raw one. */
function readOption(queue: string, options: Record<string, unknown>, key: string): unknown {
  try {
    return options[key];
  } catch (error) {
    throw new QueueDeclarationError(`Queue "${queue}": reading option "${key}" threw.`, { cause: error });
  }
}

/**
 * Keeps the options the installed version stores, each held to what that version's createQueue asserts
 * (VERSION_RULES), so a value it would reject never reaches SQL, for a new queue or an existing one.
 * Any other key is one its createQueue ignores (a typo, another version's option, a unit spelling only
 * 10.x's types advertise): it is reported as an `ignored-option` event and left out, as pg-boss would
 * leave it out, or rejected under `settings.strict`, with the exact list of options this version stores.
 */
export function adaptQueueOptions(
  boss: object,
  queue: string,
  checked: CheckedOptions,
  capabilities: Capabilities,
  settings: SafeCreateQueueSettings,
): DesiredOptions {
  const stored = storedOptions(capabilities);
  const rules = versionRulesFor(capabilities.columns);
  const desired: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of checked) {
    if (stored.includes(key)) {
      checkVersionRules(queue, key, checked, rules);
      desired[key] = value as string | number | boolean | null;
      continue;
    }
    const ignored = `option "${key}" is ignored by the installed pg-boss version, which stores ${stored.join(', ')}`;
    if (settings.strict) throw new QueueDeclarationError(`Queue "${queue}": ${ignored} (settings.strict).`);
    const hint = replacementHint(key, value, capabilities);
    reportQueueEvent(boss, settings.logger, 'warn', `pg-boss queue "${queue}": ${ignored}${hint}.`, {
      kind: 'ignored-option',
      queue,
      option: key,
    });
  }
  return desired;
}

/** The options the installed version stores, in a fixed order: exactly those whose column exists. */
function storedOptions(capabilities: Capabilities): string[] {
  return QUEUE_OPTION_SPECS.filter((spec) => capabilities.columns.has(spec.column)).map((spec) => spec.key);
}

function checkVersionRules(queue: string, key: string, checked: CheckedOptions, rules: VersionRules): void {
  const value = checked.get(key);
  const fail = (expected: string) =>
    new QueueDeclarationError(
      `Queue "${queue}": ${key} must be ${expected} on pg-boss ${rules.versions}, got ${describe(value)}.`,
    );
  if (key === 'policy' && !rules.policies.includes(value as string)) throw fail(`one of ${rules.policies.join(', ')}`);
  if (key === 'deadLetter' && value === queue && !rules.selfDeadLetter) throw fail('another queue than itself');
  const need = rules.needs[key];
  if (need && value !== null && checked.get(need.key) !== need.value) {
    throw fail(`declared with ${need.key}: ${String(need.value)} in the same options`);
  }
  const bounds = rules.bounds[key];
  if (!bounds || typeof value !== 'number') return;
  if (bounds.min !== undefined && value < bounds.min) throw fail(`>= ${bounds.min}`);
  if (bounds.max !== undefined && value > bounds.max) throw fail(`<= ${bounds.max}`);
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

function checkValue(queue: string, spec: QueueOptionSpec, value: unknown): string | number | boolean | null {
  if (value === null && spec.nullable) return null;
  const fail = (expected: string) =>
    new QueueDeclarationError(`Queue "${queue}": ${spec.key} must be ${expected}, got ${describe(value)}.`);
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string' || value === '')
        throw fail(spec.nullable ? 'a non-empty string or null' : 'a non-empty string');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw fail('true or false');
      return value;
    case 'integer': {
      const min = spec.min ?? 0;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_INTEGER) {
        throw fail(
          `an integer >= ${min} and <= ${MAX_INTEGER} (PostgreSQL's integer)${spec.nullable ? ' or null' : ''}`,
        );
      }
      return value;
    }
  }
}

/** Only plain objects: a Map, Date or class instance passed as options would otherwise be read as `{}`. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object')
    return `an instance of ${(value.constructor as { name?: string } | undefined)?.name ?? 'an unnamed class'}`;
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
}
