import { describe, expect, it } from 'vitest';
import { safeCreateQueue, safeCreateQueues } from '../../src/runtime';
import { useBosses } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import { majorOf, type PgBossVersion } from '../support/pgBossVersions';
import { countRoundTrips } from '../support/roundTripCounter';

const VERSIONS: readonly PgBossVersion[] = ['10.0.3', '10.4.2', '11.1.2', '12.38.0'];

const database = useTestDatabase('round_trips');

/**
 * What creating a queue sends: the installed createQueue's statements (12.x's second one reads the new
 * row into its queue cache), and on 10.x the helper's create lock on a second connection (BEGIN with a
 * lock_timeout and the advisory lock in one message, then COMMIT).
 */
const CREATE = { 10: 1 + 2, 11: 1, 12: 2 } as const;

describe.each(VERSIONS)('pg-boss %s: round trips per call, capabilities already read', (version) => {
  const bosses = useBosses(version, database);
  const create = CREATE[majorOf(version) as keyof typeof CREATE];

  async function startCounted() {
    const boss = await bosses.start();
    const trips = countRoundTrips(boss);
    await safeCreateQueue(boss, 'warmup');
    return { boss, trips };
  }

  it('an existing queue: the lookup alone, with or without options it already holds', async () => {
    const { boss, trips } = await startCounted();
    await safeCreateQueue(boss, 'existing', { retryLimit: 3 });
    expect(await trips.during(() => safeCreateQueue(boss, 'existing'))).toBe(1);
    expect(await trips.during(() => safeCreateQueue(boss, 'existing', { retryLimit: 3 }))).toBe(1);
  });

  it('an absent queue declared without options: the lookup and the create, nothing read back', async () => {
    const { boss, trips } = await startCounted();
    expect(await trips.during(() => safeCreateQueue(boss, 'absent'))).toBe(1 + create);
    expect(await boss.getQueue('absent')).toMatchObject({ name: 'absent' });
  });

  // The row is read back to see the options of another process that created the queue first.
  it('an absent queue declared with options: the lookup, the create and the stored row', async () => {
    const { boss, trips } = await startCounted();
    expect(await trips.during(() => safeCreateQueue(boss, 'declared', { retryLimit: 3 }))).toBe(1 + create + 1);
  });

  it('existing queues declared at once: one list of them, however many', async () => {
    const { boss, trips } = await startCounted();
    const declarations = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`many_${index}`, {}]));
    await safeCreateQueues(boss, declarations);
    expect(await trips.during(() => safeCreateQueues(boss, declarations))).toBe(1);
  });
});
