export { ensureQueue } from './ensureQueue';
export { safeCreateQueue } from './safeCreateQueue';
export { safeCreateQueues } from './safeCreateQueues';
export { verifyQueues } from './verifyQueues';
export {
  PgBossNotStartedError,
  QueueContentionError,
  QueueDeclarationError,
  QueueDriftError,
  QueueTimeoutError,
} from './errors';
export type { QueueEvent, QueueEventLevel, QueueEventLogger } from './events';
export type {
  OnDrift,
  PgBossInstance,
  QueueDeclarations,
  QueueDrift,
  QueueOptions,
  QueueOutcome,
  QueueStatus,
  QueueVerification,
  SafeCreateQueueSettings,
} from './types';
