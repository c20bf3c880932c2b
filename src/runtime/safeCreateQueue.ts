import { readCapabilities } from './capabilities';
import { checkBoss, checkSettings } from './checkSettings';
import { Deadline } from './deadline';
import { reconcileQueue } from './reconcileQueue';
import { QueueDriftError } from './errors';
import { adaptQueueOptions, readQueueOptions } from './normalizeQueueOptions';
import { QueueCall } from './queueCall';
import type { PgBossInstance, QueueOptions, QueueOutcome, SafeCreateQueueSettings } from './types';

/**
 * Creates the queue unless it exists, on every pg-boss version from 10.0.0 to 12.x: an existing queue is
 * `exists` (never 23505), concurrent callers all succeed (40P01 is retried), and stored options that differ
 * from `options` are reported as drift and handled as `settings.onDrift` says.
 */
export async function safeCreateQueue(
  boss: PgBossInstance,
  name: string,
  options?: QueueOptions,
  givenSettings?: SafeCreateQueueSettings,
): Promise<QueueOutcome> {
  checkBoss(boss);
  const settings = checkSettings(givenSettings);
  const given = readQueueOptions(name, options);
  // Every version reads the name from the options when the argument is missing (`name || options.name`);
  // a name that is no string is the installed createQueue's to refuse.
  const queue = (name || given.entries.get('name')) as string;
  const deadline = Deadline.of(settings, boss);
  const read = readCapabilities(boss, settings, deadline);
  const capabilities = read instanceof Promise ? await read : read;
  const declaration = adaptQueueOptions(boss, queue, given, capabilities, settings);
  const outcome = await reconcileQueue(
    new QueueCall(boss, capabilities, settings, deadline),
    queue,
    declaration,
    undefined,
  );
  if (settings.onDrift === 'error' && outcome.drift.length > 0)
    throw new QueueDriftError([{ name: queue, drift: outcome.drift }]);
  return outcome;
}
