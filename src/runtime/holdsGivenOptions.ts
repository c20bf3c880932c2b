import type { Capabilities } from './capabilities';
import type { StoredQueue } from './compareQueue';
import type { GivenOptions } from './normalizeQueueOptions';
import { SPEC_BY_KEY } from './queueOptionSpecs';
import { storedValue } from './storedValue';

/**
 * Whether the stored queue already holds every given option, each in the type the installed version
 * stores: then a createQueue (or updateQueue) accepted exactly these values once, and asking the
 * installed createQueue again would only cost a round trip. Anything else — a value that differs, a key
 * this version does not store, `undefined`, a null 10.x refuses, an options object that is not a plain object, retryDelayMax without
 * `retryBackoff: true` beside it (11+ refuse that) — goes to the installed createQueue to judge, which
 * changes nothing on an existing queue. So the helper never holds a copy of pg-boss's rules, and a
 * fork or a patch release is judged by itself.
 */
export function holdsGivenOptions(
  queue: string,
  given: GivenOptions,
  stored: StoredQueue,
  capabilities: Capabilities,
): boolean {
  if (given.container) return false;
  for (const [key, value] of given.entries) {
    if (key === 'name') {
      if (value !== queue) return false;
      continue;
    }
    const spec = SPEC_BY_KEY.get(key);
    if (!spec || !capabilities.columns.has(spec.column)) return false;
    if (value === null) {
      if (capabilities.legacy || !spec.nullable) return false;
    } else if (!HAS_STORED_TYPE[spec.kind](value)) {
      return false;
    }
    if (key === 'retryDelayMax' && value !== null && given.entries.get('retryBackoff') !== true) return false;
    if (storedValue(key, stored, capabilities) !== value) return false;
  }
  return true;
}

const HAS_STORED_TYPE: Readonly<Record<'string' | 'boolean' | 'integer', (value: unknown) => boolean>> = {
  string: (value) => typeof value === 'string' && value !== '',
  boolean: (value) => typeof value === 'boolean',
  integer: (value) => Number.isInteger(value),
};
