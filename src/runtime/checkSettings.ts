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

/** Rejects anything but a pg-boss 10+ instance before any SQL runs. */
export function checkBoss(boss: unknown): asserts boss is PgBossLike {
  // Checked on every call, so the passing case allocates nothing; the message is built only on failure.
  for (const method of BOSS_METHODS) {
    if (typeof (boss as Record<string, unknown> | null)?.[method] !== 'function') throw notABoss(boss);
  }
}

function notABoss(boss: unknown): QueueDeclarationError {
  const missing = BOSS_METHODS.filter(
    (method) => typeof (boss as Record<string, unknown> | null)?.[method] !== 'function',
  );
  return new QueueDeclarationError(
    `Expected a pg-boss 10+ instance as the first argument; it has no ${missing.join(', ')}.`,
  );
}

/** What a call without settings uses: every default. Frozen, as it is shared by every such call. */
const DEFAULT_SETTINGS: SafeCreateQueueSettings = Object.freeze({});

/**
 * Rejects wrong settings before any SQL runs — a plain object of known keys, each of the right type —
 * and returns the one copy of them the call then uses. Only own enumerable keys are read, each once: a
 * value inherited from a prototype, or a getter that answers differently the second time, was never
 * checked and must never be used.
 */
export function checkSettings<S extends SafeCreateQueueSettings>(
  settings: S | undefined,
  extraSettings: readonly string[] = [],
): S {
  if (settings === undefined) return DEFAULT_SETTINGS as S;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new QueueDeclarationError(`settings must be an object or undefined, got ${String(settings)}.`);
  }
  const accepted = [...COMMON_SETTINGS, ...extraSettings];
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (!accepted.includes(key)) {
      throw new QueueDeclarationError(`Unknown setting "${key}"; the settings are ${accepted.join(', ')}.`);
    }
    const check = SETTING_CHECKS[key]!;
    if (value !== undefined && !check.test(value)) {
      throw new QueueDeclarationError(`settings.${key} must be ${check.expected}; got ${describeSetting(value)}.`);
    }
    if (value !== undefined) copy[key] = value;
  }
  return copy as S;
}

function describeSetting(value: unknown): string {
  return typeof value === 'function' ? 'a function' : (JSON.stringify(value) ?? String(value));
}
