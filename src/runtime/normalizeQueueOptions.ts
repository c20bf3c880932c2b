import type { Capabilities } from './capabilities';
import { QueueDeclarationError } from './errors';
import { LEGACY_UNIT_OPTIONS, QUEUE_OPTION_SPECS, SPEC_BY_KEY, type QueueOptionSpec } from './queueOptionSpecs';
import { validateQueueName } from './validateQueueName';

/** Declared options after checking: only supported keys, no `undefined`, a fresh object. */
export type DesiredOptions = Readonly<Record<string, string | number | boolean | null>>;

/**
 * Checks what can be checked without a database: a plain object, known keys (of any version), values of
 * the right type. `undefined` values are dropped (every pg-boss version rejects them). The caller's object
 * is only read, never changed, so a frozen object works.
 */
export function checkQueueOptions(queue: string, options: unknown): DesiredOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new QueueDeclarationError(`Options of queue "${queue}" must be an object, got ${describe(options)}.`);
  }
  const checked: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
    if (value === undefined) continue;
    const spec = SPEC_BY_KEY.get(key);
    if (spec) checked[key] = checkValue(queue, spec, value);
    else if (key in LEGACY_UNIT_OPTIONS)
      checked[key] = checkValue(queue, { key, column: '', kind: 'integer', min: 1 }, value);
    else throw unknownKey(queue, key, [...SPEC_BY_KEY.keys(), ...Object.keys(LEGACY_UNIT_OPTIONS)]);
  }
  return checked;
}

/**
 * Fits checked options to the installed version: converts 10.x unit spellings into the option 10.x
 * stores, and rejects keys the database has no column for, naming the keys it does support.
 */
export function adaptQueueOptions(queue: string, options: DesiredOptions, capabilities: Capabilities): DesiredOptions {
  const supported = QUEUE_OPTION_SPECS.filter((spec) => capabilities.columns.has(spec.column)).map((spec) => spec.key);
  const adapted: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(options)) {
    const unit = LEGACY_UNIT_OPTIONS[key];
    if (unit && capabilities.legacy) {
      const converted = (value as number) * unit.factor;
      if (!Number.isInteger(converted))
        throw new QueueDeclarationError(
          `Queue "${queue}": ${key} ${String(value)} is not a whole number of ${unit.target === 'retentionMinutes' ? 'minutes' : 'seconds'}.`,
        );
      if (unit.target in adapted || unit.target in options)
        throw new QueueDeclarationError(
          `Queue "${queue}": ${key} and ${unit.target} (or another spelling of it) both given.`,
        );
      adapted[unit.target] = converted;
    } else if (supported.includes(key)) {
      adapted[key] = value;
    } else {
      const accepted = capabilities.legacy ? [...supported, ...Object.keys(LEGACY_UNIT_OPTIONS)] : supported;
      throw unknownKey(queue, key, accepted, ' by the installed pg-boss version');
    }
  }
  if (typeof adapted.deadLetter === 'string') validateQueueName(adapted.deadLetter, `deadLetter of queue "${queue}"`);
  return adapted;
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
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < (spec.min ?? 0)) {
        throw fail(`an integer >= ${spec.min ?? 0}${spec.nullable ? ' or null' : ''}`);
      }
      return value;
  }
}

function unknownKey(queue: string, key: string, accepted: string[], where = ''): QueueDeclarationError {
  return new QueueDeclarationError(
    `Queue "${queue}": option "${key}" is not supported${where}. Supported: ${accepted.join(', ')}.`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
}
