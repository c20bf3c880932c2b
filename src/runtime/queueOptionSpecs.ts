/** How one stored queue option is stored, compared and updated (pg-boss judges its values). */
export interface QueueOptionSpec {
  /** The option's name in createQueue/updateQueue and in getQueue results. */
  readonly key: string;
  /** Its column in the `queue` table: a version supports the option exactly when the column exists. */
  readonly column: string;
  readonly kind: 'string' | 'boolean' | 'integer';
  /** `null` is a value ("none"), which 11+ accept and store. */
  readonly nullable?: boolean;
  /** 11.1+ reject the key in updateQueue; 10.x can change it (and resets it when omitted). */
  readonly fixedAfterCreationSince11?: boolean;
  /** What a 10.x NULL means when the instance has no default of its own (10.x stores NULL for omitted options). */
  readonly legacyDefault?: unknown;
}

export const QUEUE_OPTION_SPECS: readonly QueueOptionSpec[] = [
  { key: 'policy', column: 'policy', kind: 'string', fixedAfterCreationSince11: true, legacyDefault: 'standard' },
  { key: 'partition', column: 'partition', kind: 'boolean', fixedAfterCreationSince11: true },
  { key: 'retryLimit', column: 'retry_limit', kind: 'integer', legacyDefault: 2 },
  { key: 'retryDelay', column: 'retry_delay', kind: 'integer', legacyDefault: 0 },
  { key: 'retryBackoff', column: 'retry_backoff', kind: 'boolean', legacyDefault: false },
  { key: 'retryDelayMax', column: 'retry_delay_max', kind: 'integer', nullable: true },
  { key: 'expireInSeconds', column: 'expire_seconds', kind: 'integer', legacyDefault: 15 * 60 },
  { key: 'retentionMinutes', column: 'retention_minutes', kind: 'integer', legacyDefault: 14 * 24 * 60 },
  { key: 'retentionSeconds', column: 'retention_seconds', kind: 'integer' },
  { key: 'deleteAfterSeconds', column: 'deletion_seconds', kind: 'integer' },
  { key: 'warningQueueSize', column: 'warning_queued', kind: 'integer' },
  { key: 'deadLetter', column: 'dead_letter', kind: 'string', nullable: true },
  { key: 'heartbeatSeconds', column: 'heartbeat_seconds', kind: 'integer', nullable: true },
  { key: 'notify', column: 'notify', kind: 'boolean' },
];

export const SPEC_BY_KEY: ReadonlyMap<string, QueueOptionSpec> = new Map(
  QUEUE_OPTION_SPECS.map((spec) => [spec.key, spec]),
);

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
