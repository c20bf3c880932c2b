import { runSql, getSqlExecutor, type Capabilities } from './capabilities';
import { compareQueue, type StoredQueue } from './compareQueue';
import { QueueDriftError } from './errors';
import { reportQueueEvent } from './events';
import { isExistingQueueError } from './isExistingQueueError';
import { withLegacyCreateLock } from './legacyCreateLock';
import type { DesiredOptions } from './normalizeQueueOptions';
import { readQueue } from './queueReads';
import { quoteIdentifier } from './quoteIdentifier';
import { retryTransient } from './retryTransient';
import type { PgBossLike, QueueDrift, QueueOutcome, SafeCreateQueueSettings } from './types';

/**
 * Makes the queue exist and deals with drift as `settings.onDrift` says, except `'error'`, which the
 * caller raises (one error for one queue, or one for all of a declaration list).
 *
 * `known` is the stored queue when the caller has already read it, null when it is believed absent,
 * undefined when nothing is known yet.
 */
export async function reconcileQueue(
  boss: PgBossLike,
  capabilities: Capabilities,
  name: string,
  desired: DesiredOptions,
  known: StoredQueue | null | undefined,
  settings: SafeCreateQueueSettings,
): Promise<QueueOutcome> {
  let stored = known === undefined ? await readQueue(boss, name) : known;
  let status: QueueOutcome['status'] = 'exists';
  if (!stored) {
    stored = await createAndRead(boss, capabilities, name, desired);
    status = 'created';
  }
  const drift = compareQueue(desired, stored, capabilities);
  if (drift.length === 0) return { name, status, drift };

  switch (settings.onDrift ?? 'warn') {
    case 'update':
      return update(boss, capabilities, name, desired, stored, drift, status, settings);
    case 'recreate':
      return recreate(boss, capabilities, name, desired, drift);
    case 'warn':
      warn(boss, settings, name, drift);
      return { name, status, drift };
    default:
      return { name, status, drift };
  }
}

/** Instances that have lost a create to a deadlock: from then on they create under the 10.x create lock. */
const contendedInstances = new WeakSet<object>();

/**
 * createQueue with a fresh copy of the options every attempt (10.x–12.3 write into the object they get),
 * then the stored row, which may be another process's if it won the race. An instance whose create
 * deadlocked retries, and creates from then on, under the 10.x create lock, so a boot storm converges
 * after one round of deadlocks instead of one round per queue.
 */
async function createAndRead(
  boss: PgBossLike,
  capabilities: Capabilities,
  name: string,
  desired: DesiredOptions,
): Promise<StoredQueue> {
  const create = async () => {
    try {
      await boss.createQueue(name, creationOptions(desired));
    } catch (error) {
      if (!isExistingQueueError(error)) throw error;
    }
  };
  await retryTransient(`createQueue("${name}")`, (attempt) => {
    if (attempt > 1) contendedInstances.add(boss);
    return contendedInstances.has(boss) ? withLegacyCreateLock(boss, capabilities, create) : create();
  });
  const stored = await readQueue(boss, name);
  if (!stored) throw new Error(`createQueue("${name}") resolved, but getQueue("${name}") finds no queue.`);
  return stored;
}

/** `null` means "none" in a declaration; pg-boss rejects it on create, where leaving the key out means the same. */
function creationOptions(desired: DesiredOptions): Record<string, unknown> {
  return Object.fromEntries(Object.entries(desired).filter(([, value]) => value !== null));
}

async function update(
  boss: PgBossLike,
  capabilities: Capabilities,
  name: string,
  desired: DesiredOptions,
  stored: StoredQueue,
  drift: QueueDrift[],
  status: QueueOutcome['status'],
  settings: SafeCreateQueueSettings,
): Promise<QueueOutcome> {
  const changes: Record<string, unknown> = Object.fromEntries(
    drift.filter((item) => item.updatable).map((item) => [item.option, item.desired]),
  );
  if (Object.keys(changes).length === 0) {
    warn(boss, settings, name, drift);
    return { name, status, drift };
  }
  // 10.x resets an omitted policy to 'standard'; 11.1+ reject the key altogether.
  if (capabilities.legacy) changes.policy ??= desired.policy ?? stored.policy;
  // 11+ accept retryDelayMax only together with retryBackoff: true in the same call.
  if ('retryDelayMax' in changes && !capabilities.legacy) changes.retryBackoff = true;
  await retryTransient(`updateQueue("${name}")`, () => boss.updateQueue(name, changes));

  const after = await readQueue(boss, name);
  const remaining = after ? compareQueue(desired, after, capabilities) : drift;
  if (remaining.length > 0) warn(boss, settings, name, remaining);
  return { name, status: 'updated', drift };
}

/** Delete and create again, the route pg-boss's maintainer gives for policy changes, but never over jobs. */
async function recreate(
  boss: PgBossLike,
  capabilities: Capabilities,
  name: string,
  desired: DesiredOptions,
  drift: QueueDrift[],
): Promise<QueueOutcome> {
  const [row] = await runSql(
    getSqlExecutor(boss),
    `SELECT EXISTS (SELECT 1 FROM ${quoteIdentifier(capabilities.schema)}.job WHERE name = $1) AS has_jobs`,
    [name],
  );
  if (row?.has_jobs) {
    throw new QueueDriftError(
      [{ name, drift }],
      `Queue "${name}" holds jobs, so it was not recreated; drain it first or change the declaration`,
    );
  }
  await retryTransient(`deleteQueue("${name}")`, () => boss.deleteQueue(name));
  await createAndRead(boss, capabilities, name, desired);
  return { name, status: 'recreated', drift };
}

function warn(boss: PgBossLike, settings: SafeCreateQueueSettings, name: string, drift: QueueDrift[]): void {
  const details = drift
    .map((item) => `${item.option} declared ${JSON.stringify(item.desired)}, stored ${JSON.stringify(item.actual)}`)
    .join('; ');
  reportQueueEvent(boss, settings.logger, 'warn', `pg-boss queue "${name}" differs from its declaration: ${details}.`, {
    kind: 'drift',
    queue: name,
    drift,
  });
}
