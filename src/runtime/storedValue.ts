import type { Capabilities } from './capabilities';
import type { StoredQueue } from './compareQueue';
import { SPEC_BY_KEY } from './queueOptionSpecs';

/** The stored value as the declaration would spell it: null for unset, numbers as numbers, 10.x NULL as the default it stands for. */
export function storedValue(option: string, stored: StoredQueue, capabilities: Capabilities): unknown {
  const spec = SPEC_BY_KEY.get(option);
  let value = stored[option] ?? null;
  // Some backends (cockroachdb before pg-boss 12.20) return integers as strings.
  if (spec?.kind === 'integer' && typeof value === 'string' && /^\d+$/.test(value)) value = Number(value);
  if (value === null && capabilities.legacy && spec?.legacyDefault !== undefined) {
    value = capabilities.instanceDefaults[option] ?? spec.legacyDefault;
  }
  return value;
}
