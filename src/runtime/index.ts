export { ensureQueue } from './ensureQueue';
export { safeCreateQueue } from './safeCreateQueue';
export { safeCreateQueues } from './safeCreateQueues';
export { verifyQueues } from './verifyQueues';
export { PgBossNotStartedError, QueueDeclarationError, QueueDriftError } from './errors';
export type {
  DriftLogger,
  OnDrift,
  PgBossInstance,
  QueueDeclarations,
  QueueInventoryDeclarations,
  QueueDrift,
  QueueOptions,
  QueueOutcome,
  QueueStatus,
  QueueVerification,
  SafeCreateQueueSettings,
} from './types';
