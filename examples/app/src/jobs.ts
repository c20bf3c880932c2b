import { PgBoss } from 'pg-boss';

export async function declareJobQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue('thumbnails', { retryLimit: 5 });

  // Already guarded: created only when absent.
  if (!(await boss.getQueue('invoices'))) {
    await boss.createQueue('invoices');
  }
}
