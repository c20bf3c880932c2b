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

/**
 * Unit spellings that only 10.x's types advertise and 10.x silently ignores; on a 10.x database they are
 * converted to the option it stores. `retentionSeconds` is here too: 10.x drops it, 11+ store it.
 */
export const LEGACY_UNIT_OPTIONS: Readonly<
  Record<string, { readonly target: 'expireInSeconds' | 'retentionMinutes'; readonly factor: number }>
> = {
  expireInMinutes: { target: 'expireInSeconds', factor: 60 },
  expireInHours: { target: 'expireInSeconds', factor: 60 * 60 },
  retentionSeconds: { target: 'retentionMinutes', factor: 1 / 60 },
  retentionHours: { target: 'retentionMinutes', factor: 60 },
  retentionDays: { target: 'retentionMinutes', factor: 24 * 60 },
};
