import { QueueDeclarationError } from './errors';
import type { OnDrift, PgBossLike, SafeCreateQueueSettings } from './types';

const ON_DRIFT: readonly OnDrift[] = ['warn', 'update', 'error', 'recreate', 'ignore'];
const BOSS_METHODS = ['createQueue', 'getQueue', 'getQueues', 'updateQueue', 'deleteQueue', 'getDb'] as const;

/** Each setting with the check its value must pass; `undefined` always means "the default". */
const SETTING_CHECKS: Readonly<
  Record<string, { readonly expected: string; readonly test: (value: unknown) => boolean }>
> = {
  onDrift: { expected: `one of ${ON_DRIFT.join(', ')}`, test: (value) => ON_DRIFT.includes(value as OnDrift) },
  logger: {
    expected: 'an object with a warn(message, details) method (info and error optional)',
    test: (value) =>
      typeof value === 'object' &&
      value !== null &&
      ['warn', 'info', 'error'].every((method) => {
        const member = (value as Record<string, unknown>)[method];
        return method === 'warn' ? typeof member === 'function' : member === undefined || typeof member === 'function';
      }),
  },
  schema: { expected: 'a non-empty string', test: (value) => typeof value === 'string' && value !== '' },
  // setTimeout's own limit: a longer delay fires at once.
  timeoutMs: {
    expected: 'a number of milliseconds from 1 to 2147483647',
    test: (value) => typeof value === 'number' && value >= 1 && value <= 2_147_483_647,
  },
  strict: { expected: 'true or false', test: (value) => typeof value === 'boolean' },
  allowProduction: { expected: 'true or false', test: (value) => typeof value === 'boolean' },
};

/** The settings every function takes; `resetQueues` adds `allowProduction`. */
const COMMON_SETTINGS = ['onDrift', 'logger', 'schema', 'timeoutMs', 'strict'] as const;

/** Rejects a wrong boss or settings before any SQL runs: a plain object of known keys, each of the right type. */
export function checkArguments(
  boss: unknown,
  settings: SafeCreateQueueSettings | undefined,
  extraSettings: readonly string[] = [],
): asserts boss is PgBossLike {
  const missing = BOSS_METHODS.filter(
    (method) => typeof (boss as Record<string, unknown> | null)?.[method] !== 'function',
  );
  if (missing.length > 0) {
    throw new QueueDeclarationError(
      `Expected a pg-boss 10+ instance as the first argument; it has no ${missing.join(', ')}.`,
    );
  }
  if (settings === undefined) return;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new QueueDeclarationError(`settings must be an object or undefined, got ${String(settings)}.`);
  }
  const accepted = [...COMMON_SETTINGS, ...extraSettings];
  for (const [key, value] of Object.entries(settings)) {
    if (!accepted.includes(key)) {
      throw new QueueDeclarationError(`Unknown setting "${key}"; the settings are ${accepted.join(', ')}.`);
    }
    const check = SETTING_CHECKS[key]!;
    if (value !== undefined && !check.test(value)) {
      throw new QueueDeclarationError(`settings.${key} must be ${check.expected}; got ${describeSetting(value)}.`);
    }
  }
}

function describeSetting(value: unknown): string {
  return typeof value === 'function' ? 'a function' : (JSON.stringify(value) ?? String(value));
}
