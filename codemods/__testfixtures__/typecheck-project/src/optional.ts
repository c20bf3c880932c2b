// Optional calls, from issue 10, item 4: `boss.createQueue?.()` runs nothing when the method is
// missing, `boss?.createQueue()` runs nothing when there is no instance.
import type { PgBoss } from 'pg-boss';

export async function registerMemoryHandlers(
  boss: PgBoss,
  fakeableBoss: Pick<PgBoss, 'start' | 'stop'> & Partial<Pick<PgBoss, 'createQueue' | 'work'>>,
): Promise<void> {
  await boss.createQueue?.('memory_ingest');
  await fakeableBoss.createQueue?.('memory_brief');
}

export async function declareMaybe(boss: PgBoss | undefined, services: { boss?: PgBoss }): Promise<void> {
  await boss?.createQueue('maybe');
  await services.boss?.createQueue?.('maybe_too');
}

export function declareMaybeLater(boss?: PgBoss): Promise<void> | undefined {
  return boss?.createQueue('later');
}

export function declareThenReport(boss?: PgBoss): Promise<string> | undefined {
  return boss?.createQueue('reported').then(() => 'reported');
}

export async function declareOnFreshConnection(connect: () => { boss?: PgBoss }): Promise<void> {
  await connect().boss?.createQueue('once');
}
