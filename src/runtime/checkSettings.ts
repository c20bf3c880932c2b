import { QueueDeclarationError } from './errors';
import type { OnDrift, PgBossLike, SafeCreateQueueSettings } from './types';

const ON_DRIFT: readonly OnDrift[] = ['warn', 'update', 'error', 'recreate', 'ignore'];
const BOSS_METHODS = ['createQueue', 'getQueue', 'getQueues', 'updateQueue', 'deleteQueue', 'getDb'] as const;

/** Rejects a wrong boss or settings before any SQL runs. */
export function checkArguments(
  boss: unknown,
  settings: SafeCreateQueueSettings | undefined,
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
  if (settings.onDrift !== undefined && !ON_DRIFT.includes(settings.onDrift)) {
    throw new QueueDeclarationError(
      `settings.onDrift must be one of ${ON_DRIFT.join(', ')}; got ${JSON.stringify(settings.onDrift)}.`,
    );
  }
  if (settings.logger !== undefined && typeof settings.logger?.warn !== 'function') {
    throw new QueueDeclarationError('settings.logger must have a warn(message, details) method.');
  }
  if (settings.schema !== undefined && (typeof settings.schema !== 'string' || settings.schema === '')) {
    throw new QueueDeclarationError('settings.schema must be a non-empty string.');
  }
}
