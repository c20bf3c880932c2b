import { checkArguments } from './checkSettings';
import { declarePreparedQueues } from './declarePreparedQueues';
import { QueueResetRefusedError } from './errors';
import { orderByDeadLetter } from './orderByDeadLetter';
import { prepareDeclarations } from './prepareDeclarations';
import { listQueues } from './queueReads';
import type { PgBossInstance, QueueDeclarations, ResetQueuesSettings } from './types';

const RESET_SETTINGS = ['allowProduction'];

/**
 * For test suites (`beforeEach`): deletes exactly the declared queues, with their jobs, and creates them
 * again with the declared options, so every test starts from the declared state whatever the last one
 * left. Queues that are not declared are not touched. Refuses to run when `NODE_ENV` is `production`,
 * unless `settings.allowProduction` is set. Input is checked as `safeCreateQueues` checks it, before
 * anything is deleted.
 */
export async function resetQueues(
  boss: PgBossInstance,
  declarations: QueueDeclarations,
  settings: ResetQueuesSettings = {},
): Promise<void> {
  checkArguments(boss, settings, RESET_SETTINGS);
  if (process.env.NODE_ENV === 'production' && settings.allowProduction !== true) throw new QueueResetRefusedError();
  const prepared = await prepareDeclarations(boss, declarations, settings, RESET_SETTINGS);
  // The queues that name a dead letter go before it: no version deletes a queue another one still names.
  const order = orderByDeadLetter(prepared.queues).reverse();
  const existing = await listQueues(prepared.boss, order);
  for (const name of order) {
    if (existing.has(name)) await prepared.boss.deleteQueue(name);
  }
  await declarePreparedQueues(prepared, settings);
}
