import type { QueueDrift } from './types';

/**
 * What the helper reports about a queue: the `details` a logger receives, and the `data` of the
 * instance's `'warning'` event when no logger is given. `kind` is stable; add kinds, never rename them.
 */
export type QueueEvent =
  | { kind: 'created'; queue: string }
  | { kind: 'updated'; queue: string; drift: QueueDrift[] }
  | { kind: 'recreated'; queue: string; drift: QueueDrift[] }
  | { kind: 'drift'; queue: string; drift: QueueDrift[] }
  | { kind: 'retry'; queue: string; operation: string; attempt: number; code: string }
  | { kind: 'gave-up'; queue: string; operation: string; attempts: number; code: string }
  | { kind: 'ignored-option'; queue: string; option: string }
  | { kind: 'upgrade-hazard'; queue: string; subject: string; refusedBy: ReadonlyArray<11 | 12>; reason: string };

export type QueueEventLevel = 'info' | 'warn' | 'error';

/** A logger of your own (pino, winston, console): `warn` is required, `info` and `error` are used when present. */
export interface QueueEventLogger {
  info?(message: string, details: QueueEvent): void;
  warn(message: string, details: QueueEvent): void;
  error?(message: string, details: QueueEvent): void;
}

/** The part of a pg-boss instance that reports: every version is an EventEmitter. */
interface WarningEmitter {
  emit?(event: 'warning' | 'error', payload: unknown): unknown;
  listenerCount?(event: 'error'): number;
}

/**
 * Reports through the user's logger when there is one (a missing `info`/`error` falls back to `warn`,
 * except `info`, which is dropped); otherwise warnings and errors go out as the instance's own
 * `'warning'` event, shaped as pg-boss shapes its own (`{ message, data }`), and `info` is dropped.
 * Never `console`: the host decides where reports go. A logger or `'warning'` listener that throws
 * never fails the call, whose work is done: its error goes to the instance's `'error'` listeners, as
 * pg-boss reports its own background failures, and is dropped when there are none.
 */
export function reportQueueEvent(
  boss: object,
  logger: QueueEventLogger | undefined,
  level: QueueEventLevel,
  message: string,
  event: QueueEvent,
): void {
  const emitter = boss as WarningEmitter;
  try {
    if (logger) {
      const method = logger[level] ?? (level === 'info' ? undefined : logger.warn);
      method?.call(logger, message, event);
      return;
    }
    if (level !== 'info') emitter.emit?.('warning', { message, data: event });
  } catch (error) {
    // An 'error' event nobody listens to would throw; a listener of it that throws is not ours to report.
    try {
      if ((emitter.listenerCount?.('error') ?? 0) > 0) emitter.emit?.('error', error);
    } catch {}
  }
}
