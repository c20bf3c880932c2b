import type { Capabilities } from './capabilities';
import type { DesiredOptions } from './normalizeQueueOptions';
import { SPEC_BY_KEY } from './queueOptionSpecs';
import { storedValue } from './storedValue';
import type { QueueDrift } from './types';

/** A queue as getQueue/getQueues return it: a record whose fields vary by version. */
export type StoredQueue = Readonly<Record<string, unknown>>;

/**
 * The declared options that the stored queue does not have. Only declared keys are compared: an
 * omitted option means "no opinion", so 11/12's stored defaults and 10.x's NULLs are never drift.
 * Runtime fields (counts, timestamps, table) are never compared.
 */
export function compareQueue(desired: DesiredOptions, stored: StoredQueue, capabilities: Capabilities): QueueDrift[] {
  const drift: QueueDrift[] = [];
  for (const [option, wanted] of Object.entries(desired)) {
    const actual = storedValue(option, stored, capabilities);
    if (actual !== wanted)
      drift.push({
        option,
        desired: wanted,
        actual,
        updatable: isUpdatable(option, wanted, stored, desired, capabilities),
      });
  }
  return drift;
}

function isUpdatable(
  option: string,
  wanted: unknown,
  stored: StoredQueue,
  desired: DesiredOptions,
  capabilities: Capabilities,
): boolean {
  const spec = SPEC_BY_KEY.get(option);
  if (!spec) return false;
  // 10.x writes COALESCE(new, old): nothing can be cleared. 11+ write deadLetter null as the string 'null'.
  if (wanted === null && (capabilities.legacy || option === 'deadLetter')) return false;
  if (capabilities.legacy) return true;
  if (spec.fixedAfterCreationSince11) return false;
  // 11+ reject retryDelayMax unless the same updateQueue call sets retryBackoff: true.
  if (option === 'retryDelayMax' && wanted !== null) return (desired.retryBackoff ?? stored.retryBackoff) === true;
  return true;
}
