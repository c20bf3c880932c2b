import { compareQueue, type StoredQueue } from './compareQueue';
import { deleteForRecreate } from './deleteForRecreate';
import { QueueContentionError } from './errors';
import { isExistingQueueError } from './isExistingQueueError';
import { withLegacyCreateLock } from './legacyCreateLock';
import type { Capabilities } from './capabilities';
import { holdsGivenOptions } from './holdsGivenOptions';
import type { DesiredOptions, GivenOptions, QueueDeclaration } from './normalizeQueueOptions';
import type { QueueCall } from './queueCall';
import { readQueue, readQueueToCompare } from './queueReads';
import type { QueueDrift, QueueOutcome } from './types';

/** Rounds of "another process deleted or recreated the queue meanwhile" before giving up. */
const MAX_ROUNDS = 5;

/**
 * Makes the queue exist and deals with drift as `settings.onDrift` says, except `'error'`, which the
 * caller raises (one error for one queue, or one for all of a declaration list).
 *
 * `known` is the stored queue when the caller has already read it, null when it is believed absent,
 * undefined when nothing is known yet. When another process deletes or recreates the queue between
 * two steps, the queue is read again and the work starts over.
 */
export async function reconcileQueue(
  call: QueueCall,
  name: string,
  declaration: QueueDeclaration,
  known: StoredQueue | null | undefined,
): Promise<QueueOutcome> {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const outcome = await reconcileOnce(call, name, declaration, round === 1 ? known : undefined);
    if (outcome) return outcome;
  }
  throw new QueueContentionError(
    `Declaring queue "${name}" (another process deleted or recreated it during each attempt)`,
    MAX_ROUNDS,
  );
}

/**
 * One pass; undefined when the queue changed under it and must be read again. The installed createQueue
 * judges the declaration (its name, every option and value, its dead letter) whenever the stored queue
 * does not already hold it: it creates an absent queue, and changes nothing on an existing one, so an
 * input it rejects is rejected in its own words before the helper writes anything.
 */
async function reconcileOnce(
  call: QueueCall,
  name: string,
  declaration: QueueDeclaration,
  known: StoredQueue | null | undefined,
): Promise<QueueOutcome | undefined> {
  const { given, desired } = declaration;
  let stored = known === undefined ? await readQueueToCompare(call, name, given) : known;
  let status: QueueOutcome['status'] = 'exists';
  if (!stored) {
    stored = await createAndRead(call, name, declaration);
    if (!stored) return undefined;
    status = 'created';
    call.report('info', `pg-boss queue "${name}" created.`, { kind: 'created', queue: name });
  } else if (holdsGivenOptions(name, given, stored, call.capabilities)) {
    // Every declared value is a given one, stored as given: nothing can differ (the usual restart).
    return { name, status, drift: [] };
  } else {
    await judge(call, name, given);
  }
  const drift = compareQueue(desired, stored, call.capabilities);
  if (drift.length === 0) return { name, status, drift };

  switch (call.settings.onDrift ?? 'warn') {
    case 'update':
      return update(call, name, desired, stored, drift, status);
    case 'recreate':
      return recreate(call, name, declaration, stored, drift);
    case 'warn':
      warn(call, name, drift);
      return { name, status, drift };
    default:
      return { name, status, drift };
  }
}

/**
 * createQueue with a fresh copy of the options every attempt (10.x–12.3 write into the object they get),
 * then the stored row, which may be another process's if it won the race, or null if another process
 * deleted it since. On 10.x creates go through the create lock (see withLegacyCreateLock).
 *
 * With no option declared, nothing of the row would be compared, and the create succeeding already shows
 * the queue exists, so the row is not read: on 12.x, whose createQueue sends two statements, that read
 * made an absent queue cost four round trips.
 */
async function createAndRead(
  call: QueueCall,
  name: string,
  declaration: QueueDeclaration,
): Promise<StoredQueue | null> {
  await call.retry(name, `createQueue("${name}")`, () =>
    withLegacyCreateLock(call, () => createQueue(call, name, declaration.given)),
  );
  return Object.keys(declaration.desired).length === 0
    ? NOTHING_DECLARED
    : readQueueToCompare(call, name, declaration.given);
}

/** What compareQueue needs of the stored row when no option is declared: none of it. */
const NOTHING_DECLARED: StoredQueue = Object.freeze({});

/**
 * The installed createQueue's verdict on options for a queue that exists: a no-op there once they pass.
 * On 10.x it inserts nothing and runs no DDL, so it needs no create lock (were the queue deleted
 * meanwhile, a deadlock with another create is retried like any other).
 */
async function judge(call: QueueCall, name: string, given: GivenOptions): Promise<void> {
  await call.retry(name, `createQueue("${name}")`, () => createQueue(call, name, given));
}

async function createQueue(call: QueueCall, name: string, given: GivenOptions): Promise<void> {
  try {
    await call.pgBoss(`createQueue("${name}")`, () =>
      call.boss.createQueue(name, creationOptions(given, call.capabilities)),
    );
  } catch (error) {
    if (!isExistingQueueError(error)) throw error;
  }
}

/**
 * What createQueue gets: the given options as they were given, `undefined` and `null` values included,
 * for it to accept or refuse. 11+ write the options' JSON into the SQL text unescaped, so there only the
 * options the version stores go in: a quote in the value of a key it ignores would break the statement
 * (or inject into it). 10.x sends the options as a parameter and checks keys it does not store (the unit
 * spellings), so it gets them all. An object that is not a plain object is handed over as it is (see
 * GivenOptions.container).
 */
function creationOptions(given: GivenOptions, capabilities: Capabilities): object {
  if (given.container) return given.container;
  if (capabilities.legacy) return Object.fromEntries(given.entries);
  return Object.fromEntries([...given.entries].filter(([key]) => capabilities.storedOptions.includes(key)));
}

async function update(
  call: QueueCall,
  name: string,
  desired: DesiredOptions,
  stored: StoredQueue,
  drift: QueueDrift[],
  status: QueueOutcome['status'],
): Promise<QueueOutcome> {
  const { capabilities } = call;
  const changes: Record<string, unknown> = Object.fromEntries(
    drift.filter((item) => item.updatable).map((item) => [item.option, item.desired]),
  );
  if (Object.keys(changes).length === 0) {
    warn(call, name, drift);
    return { name, status, drift };
  }
  // 10.x resets an omitted policy to 'standard'; 11.1+ reject the key altogether.
  if (capabilities.legacy) changes.policy ??= desired.policy ?? stored.policy;
  // 11+ accept retryDelayMax only together with retryBackoff: true in the same call.
  if ('retryDelayMax' in changes && !capabilities.legacy) changes.retryBackoff = true;
  await call.retry(name, `updateQueue("${name}")`, () => call.boss.updateQueue(name, changes));
  call.report('info', `pg-boss queue "${name}" updated to its declaration.`, { kind: 'updated', queue: name, drift });

  const after = await readQueue(call, name);
  const remaining = after ? compareQueue(desired, after, capabilities) : drift;
  if (remaining.length > 0) warn(call, name, remaining);
  return { name, status: 'updated', drift };
}

/** Delete and create again, the route pg-boss's maintainer gives for policy changes, but never over jobs. */
async function recreate(
  call: QueueCall,
  name: string,
  declaration: QueueDeclaration,
  stored: StoredQueue,
  drift: QueueDrift[],
): Promise<QueueOutcome | undefined> {
  if ((await deleteForRecreate(call, name, stored, drift)) === 'changed') return undefined;
  const created = await createAndRead(call, name, declaration);
  if (!created) return undefined;
  call.report('info', `pg-boss queue "${name}" recreated with its declared options.`, {
    kind: 'recreated',
    queue: name,
    drift,
  });
  return { name, status: 'recreated', drift };
}

function warn(call: QueueCall, name: string, drift: QueueDrift[]): void {
  const details = drift
    .map((item) => `${item.option} declared ${JSON.stringify(item.desired)}, stored ${JSON.stringify(item.actual)}`)
    .join('; ');
  call.report('warn', `pg-boss queue "${name}" differs from its declaration: ${details}.`, {
    kind: 'drift',
    queue: name,
    drift,
  });
}
