import type { PgBossLike } from './types';

/** How often an instance with calls waiting is looked at. */
const POLL_MS = 50;

interface Watch {
  readonly listeners: Set<() => void>;
  timer?: NodeJS.Timeout;
}

const watches = new WeakMap<object, Watch>();

/**
 * Calls `listener` once the instance starts to stop, while `listener` is registered; returns the function
 * that unregisters it. A stop closes the instance's pool, and a pool being ended never serves the
 * connection requests already queued, so a call waiting for a connection would wait for its whole
 * deadline (and a 10.x create holding the lock connection while it waits keeps the pool from draining).
 * pg-boss emits `stopped` only once the pool has drained, and neither it nor pg announces the start of a
 * stop, so an instance is looked at every 50 ms, and only while something waits on it: closed (its
 * Db's `opened` turned false) or its pool ending. A custom `db` has neither and is never seen stopping.
 */
export function whenStopping(instance: PgBossLike, listener: () => void): () => void {
  let watch = watches.get(instance);
  if (!watch) watches.set(instance, (watch = { listeners: new Set() }));
  const { listeners } = watch;
  listeners.add(listener);
  // The timer outlives a wait and ends itself once nothing waits: one call after another, each with
  // a few short waits, must not pay for a timer each.
  watch.timer ??= setInterval(() => {
    if (listeners.size === 0) {
      clearInterval(watch.timer);
      watch.timer = undefined;
    } else if (isStopping(instance)) {
      for (const waiting of [...listeners]) waiting();
    }
  }, POLL_MS).unref();
  return () => listeners.delete(listener);
}

function isStopping(instance: PgBossLike): boolean {
  const db = instance.getDb() as { opened?: unknown; pool?: { ending?: unknown } } | undefined;
  return db?.opened === false || db?.pool?.ending === true;
}
