import { getSqlExecutor, runSql } from './capabilities';
import { checkBoss, checkSettings } from './checkSettings';
import { declarePreparedQueues } from './declarePreparedQueues';
import { QueueResetRefusedError } from './errors';
import { orderByDeadLetter } from './orderByDeadLetter';
import { prepareDeclarations } from './prepareDeclarations';
import { QueueCall } from './queueCall';
import { listQueues } from './queueReads';
import { quoteIdentifier } from './quoteIdentifier';
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
  givenSettings?: ResetQueuesSettings,
): Promise<void> {
  checkBoss(boss);
  const settings = checkSettings(givenSettings, RESET_SETTINGS);
  // `PRODUCTION` and ` production` are production too: a spelling must not turn the guard off.
  const production = process.env.NODE_ENV?.trim().toLowerCase() === 'production';
  if (production && settings.allowProduction !== true) throw new QueueResetRefusedError();
  const prepared = await prepareDeclarations(boss, declarations, settings, RESET_SETTINGS);
  // The queues that name a dead letter go before it: no version deletes a queue another one still names.
  const order = orderByDeadLetter(prepared.queues).reverse();
  const call = new QueueCall(prepared.boss, prepared.capabilities, settings, prepared.deadline);
  const existing = await listQueues(call, order);
  const db = getSqlExecutor(prepared.boss);
  const schema = quoteIdentifier(prepared.capabilities.schema);
  for (const name of order) {
    if (!existing.has(name)) continue;
    // 10.x refuses to delete a queue that jobs still reference (q_fkey is RESTRICT, 23001), and keeps
    // completed jobs in its archive table; 11+ delete a queue's jobs with it.
    // One statement, so the jobs and the archive go together, bounded by the deadline like every other
    // step (10.x sets no lock_timeout: a held lock would otherwise keep the call waiting past timeoutMs).
    if (prepared.capabilities.legacy) {
      await call.pgBoss(`deleting the jobs of queue "${name}"`, () =>
        runSql(
          db,
          `WITH archived AS (DELETE FROM ${schema}.archive WHERE name = $1) DELETE FROM ${schema}.job WHERE name = $1`,
          [name],
        ),
      );
    }
    await call.pgBoss(`deleteQueue("${name}")`, () => prepared.boss.deleteQueue(name));
  }
  await declarePreparedQueues(prepared);
}
