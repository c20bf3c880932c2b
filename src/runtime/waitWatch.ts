import type { PgBossLike } from './types';

/** How often, while something waits, the instances waited on are looked at. */
const POLL_MS = 50;

export type CutShortReason = 'expired' | 'stopped';

/** One wait in progress, in a doubly linked list: adding and removing one allocates nothing more. */
interface Wait {
  readonly endsAt: number;
  readonly instance: PgBossLike | undefined;
  readonly cutShort: (reason: CutShortReason) => void;
  previous: Wait | undefined;
  next: Wait | undefined;
}

let first: Wait | undefined;
let count = 0;
/** One timer for every wait in the process, due at the next look or the earliest bound, whichever comes first. */
let timer: NodeJS.Timeout | undefined;
let timerDueAt = Infinity;

/**
 * Calls `cutShort` once, with `'expired'` when `Date.now()` reaches `endsAt` or `'stopped'` when
 * `instance` starts to stop, unless the returned function has unregistered it first.
 *
 * A stop closes the instance's pool, and a pool being ended never serves the connection requests
 * already queued, so a call waiting for a connection would wait for its whole bound (and a 10.x create
 * holding the lock connection while it waits keeps the pool from draining). pg-boss emits `stopped`
 * only once the pool has drained, and neither it nor pg announces the start of a stop, so the instances
 * are looked at every 50 ms while something waits: closed (the Db's `opened` turned false) or its
 * pool ending. A custom `db` has neither and is never seen stopping.
 *
 * A timer and a listener per wait made every statement the helper sends pay for setting and clearing
 * them, about half of its own time on an existing queue; here one timer serves every wait in the
 * process. It holds the process open only while something waits, and ends once nothing has waited for
 * 50 ms.
 */
export function watchWait(
  endsAt: number,
  instance: PgBossLike | undefined,
  cutShort: (reason: CutShortReason) => void,
): () => void {
  const wait: Wait = { endsAt, instance, cutShort, previous: undefined, next: first };
  if (first) first.previous = wait;
  first = wait;
  if (count++ === 0) timer?.ref();
  if (!timer) setTimer(Math.min(endsAt, Date.now() + POLL_MS));
  else if (endsAt < timerDueAt) setTimer(endsAt);
  return () => unwatch(wait);
}

function unwatch(wait: Wait): void {
  if (wait.previous === undefined && first !== wait) return; // already removed
  if (wait.previous) wait.previous.next = wait.next;
  else first = wait.next;
  if (wait.next) wait.next.previous = wait.previous;
  wait.previous = wait.next = undefined;
  if (--count === 0) timer?.unref();
}

function setTimer(dueAt: number): void {
  clearTimeout(timer);
  timerDueAt = dueAt;
  timer = setTimeout(look, Math.max(0, dueAt - Date.now()));
}

function look(): void {
  timer = undefined;
  timerDueAt = Infinity;
  if (count === 0) return;
  const now = Date.now();
  let earliest = Infinity;
  for (let wait = first; wait;) {
    const { next } = wait;
    const reason = wait.endsAt <= now ? 'expired' : wait.instance && isStopping(wait.instance) ? 'stopped' : undefined;
    if (reason) {
      unwatch(wait);
      wait.cutShort(reason);
    } else {
      earliest = Math.min(earliest, wait.endsAt);
    }
    wait = next;
  }
  if (count > 0 && !timer) setTimer(Math.min(earliest, now + POLL_MS));
}

function isStopping(instance: PgBossLike): boolean {
  const db = instance.getDb() as { opened?: unknown; pool?: { ending?: unknown } } | undefined;
  return db?.opened === false || db?.pool?.ending === true;
}
