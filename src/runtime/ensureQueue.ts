import { safeCreateQueue } from './safeCreateQueue';
import type { PgBossInstance, QueueOptions, SafeCreateQueueSettings } from './types';

/**
 * `safeCreateQueue` with `boss.createQueue`'s own result type, `Promise<void>`: the drop-in where the
 * call's promise is stored, returned or passed on (`pending.set(name, ensureQueue(boss, name))`), so code
 * typed for `createQueue` keeps compiling. Use `safeCreateQueue` when you want the outcome.
 */
export async function ensureQueue(
  boss: PgBossInstance,
  name: string,
  options?: QueueOptions,
  settings?: SafeCreateQueueSettings,
): Promise<void> {
  await safeCreateQueue(boss, name, options, settings);
}
