/** How one stored queue option is checked, stored and updated. */
export interface QueueOptionSpec {
  /** The option's name in createQueue/updateQueue and in getQueue results. */
  readonly key: string;
  /** Its column in the `queue` table: a version supports the option exactly when the column exists. */
  readonly column: string;
  readonly kind: 'string' | 'boolean' | 'integer';
  /** Smallest accepted integer. */
  readonly min?: number;
  /** `null` is a value ("none"): compared, never sent on create. */
  readonly nullable?: boolean;
  /** 11.1+ reject the key in updateQueue; 10.x can change it (and resets it when omitted). */
  readonly fixedAfterCreationSince11?: boolean;
  /** What a 10.x NULL means when the instance has no default of its own (10.x stores NULL for omitted options). */
  readonly legacyDefault?: unknown;
}

/** Every integer option is stored in a PostgreSQL `integer` column: a larger value fails with 22003. */
export const MAX_INTEGER = 2_147_483_647;

export const QUEUE_OPTION_SPECS: readonly QueueOptionSpec[] = [
  { key: 'policy', column: 'policy', kind: 'string', fixedAfterCreationSince11: true, legacyDefault: 'standard' },
  { key: 'partition', column: 'partition', kind: 'boolean', fixedAfterCreationSince11: true },
  { key: 'retryLimit', column: 'retry_limit', kind: 'integer', min: 0, legacyDefault: 2 },
  { key: 'retryDelay', column: 'retry_delay', kind: 'integer', min: 0, legacyDefault: 0 },
  { key: 'retryBackoff', column: 'retry_backoff', kind: 'boolean', legacyDefault: false },
  { key: 'retryDelayMax', column: 'retry_delay_max', kind: 'integer', min: 0, nullable: true },
  { key: 'expireInSeconds', column: 'expire_seconds', kind: 'integer', min: 1, legacyDefault: 15 * 60 },
  { key: 'retentionMinutes', column: 'retention_minutes', kind: 'integer', min: 1, legacyDefault: 14 * 24 * 60 },
  { key: 'retentionSeconds', column: 'retention_seconds', kind: 'integer', min: 1 },
  { key: 'deleteAfterSeconds', column: 'deletion_seconds', kind: 'integer', min: 0 },
  { key: 'warningQueueSize', column: 'warning_queued', kind: 'integer', min: 0 },
  { key: 'deadLetter', column: 'dead_letter', kind: 'string', nullable: true },
  { key: 'heartbeatSeconds', column: 'heartbeat_seconds', kind: 'integer', min: 0, nullable: true },
  { key: 'notify', column: 'notify', kind: 'boolean' },
];

export const SPEC_BY_KEY: ReadonlyMap<string, QueueOptionSpec> = new Map(
  QUEUE_OPTION_SPECS.map((spec) => [spec.key, spec]),
);

/** What one generation of pg-boss accepts beyond an option's type: its `createQueue` asserts these. */
export interface VersionRules {
  /** The versions this describes, for messages. */
  readonly versions: string;
  /** The keys of its `QUEUE_POLICIES`. */
  readonly policies: readonly string[];
  /** Bounds tighter than the spec's own, per option; a `null` value is never bounded. */
  readonly bounds: Readonly<Record<string, { readonly min?: number; readonly max?: number }>>;
  /** Options that, unless null, need another option's value in the same declaration. */
  readonly needs: Readonly<Record<string, { readonly key: string; readonly value: unknown }>>;
  /** Whether a queue may name itself as its dead letter. */
  readonly selfDeadLetter: boolean;
}

const POLICIES_10 = ['standard', 'short', 'singleton', 'stately'];
const RETRY_DELAY_MAX_NEEDS = { key: 'retryBackoff', value: true };

/**
 * Each generation's rules, from its own validation code (`attorney.js` and `createQueue`), told apart
 * by the columns of its queue table, the same read that says which options it stores. 11.x and
 * 12.0–12.11 have the same columns, so that generation is held only to what all of them reject: a value
 * one of them accepts (`deleteAfterSeconds: 0` from 12.7, `key_strict_fifo` from 12.10, a whole 24 h of
 * expiry) is left for pg-boss to judge, as createQueue itself would. Never reject what createQueue accepts.
 */
export const VERSION_RULES = {
  // 10.x: `expireIn / 60 / 60 < 24`; four policies.
  legacy: {
    versions: '10.x',
    policies: POLICIES_10,
    bounds: { expireInSeconds: { max: 24 * 60 * 60 - 1 } },
    needs: {},
    selfDeadLetter: true,
  },
  // 11.x and 12.0–12.11: + exclusive (+ key_strict_fifo from 12.10); retryDelayMax only with
  // retryBackoff: true in the same call; never its own dead letter. 11.x's stricter expiry (below 24 h) and
  // deleteAfterSeconds (at least 1) are left to pg-boss, since later versions of the same columns accept them.
  beforeHeartbeat: {
    versions: '11.x, 12.0–12.11',
    policies: [...POLICIES_10, 'exclusive', 'key_strict_fifo'],
    bounds: { expireInSeconds: { max: 24 * 60 * 60 } },
    needs: { retryDelayMax: RETRY_DELAY_MAX_NEEDS },
    selfDeadLetter: false,
  },
  // 12.38: expiration up to 24 h inclusive; deleteAfterSeconds 0 means "never delete"; heartbeat at least 10.
  withHeartbeat: {
    versions: '12.12+',
    policies: [...POLICIES_10, 'exclusive', 'key_strict_fifo'],
    bounds: { expireInSeconds: { max: 24 * 60 * 60 }, heartbeatSeconds: { min: 10 } },
    needs: { retryDelayMax: RETRY_DELAY_MAX_NEEDS },
    selfDeadLetter: false,
  },
} satisfies Record<string, VersionRules>;

/** The rules of the generation whose queue table has these columns. */
export function versionRulesFor(columns: ReadonlySet<string>): VersionRules {
  if (columns.has('retention_minutes')) return VERSION_RULES.legacy;
  return columns.has('heartbeat_seconds') ? VERSION_RULES.withHeartbeat : VERSION_RULES.beforeHeartbeat;
}

/**
 * Duration spellings in seconds per unit, for the hint that names what a version stores instead: 10.x's
 * types advertise `expireInMinutes`, `retentionDays` and the like, but every version ignores them (and
 * 10.x ignores `retentionSeconds`, 11+ ignore `retentionMinutes`).
 */
export const DURATION_SPELLINGS: ReadonlyMap<
  string,
  { readonly family: 'expireIn' | 'retention'; readonly seconds: number }
> = new Map([
  ['expireInSeconds', { family: 'expireIn', seconds: 1 }],
  ['expireInMinutes', { family: 'expireIn', seconds: 60 }],
  ['expireInHours', { family: 'expireIn', seconds: 60 * 60 }],
  ['retentionSeconds', { family: 'retention', seconds: 1 }],
  ['retentionMinutes', { family: 'retention', seconds: 60 }],
  ['retentionHours', { family: 'retention', seconds: 60 * 60 }],
  ['retentionDays', { family: 'retention', seconds: 24 * 60 * 60 }],
]);
