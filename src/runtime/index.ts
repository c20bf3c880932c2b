export { classifyQueueError, type QueueErrorClassification, type QueueErrorKind } from './classifyQueueError';
export { ensureQueue } from './ensureQueue';
export { resetQueues } from './resetQueues';
export { safeCreateQueue } from './safeCreateQueue';
export { safeCreateQueues } from './safeCreateQueues';
export { verifyQueues } from './verifyQueues';
export {
  PgBossNotStartedError,
  PgBossPermissionError,
  PgBossSchemaNotFoundError,
  QueueContentionError,
  QueueDeclarationError,
  QueueDriftError,
  QueueResetRefusedError,
  QueueTimeoutError,
} from './errors';
export type { QueueEvent, QueueEventLevel, QueueEventLogger } from './events';
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
  ResetQueuesSettings,
  SafeCreateQueueSettings,
} from './types';
