import { describe, expect, it } from 'vitest';
import { QueueDriftError, safeCreateQueue, safeCreateQueues } from '../../src/runtime';
import { newSchemaName, useBosses } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import { majorOf, type PgBossVersion, type TestBoss } from '../support/pgBossVersions';

const VERSIONS: readonly PgBossVersion[] = ['10.4.2', '11.1.2', '12.38.0'];
const TRIALS = 200;
const PRODUCERS = 2;
/**
 * Each trial creates, judges the drifted declaration with createQueue, deletes and creates again: on a
 * machine shared with other test runs, 200 of them take longer than the project's 60 s default.
 */
const TRIALS_TIMEOUT_MS = 180_000;

const database = useTestDatabase('recreate');

/**
 * Sends to `queue` from `count` loops until `until` settles; returns the ids every resolved send
 * acknowledged, and the SQLSTATE of every rejected one.
 */
async function produce(
  boss: TestBoss,
  queue: string,
  count: number,
  until: Promise<unknown>,
): Promise<{ acknowledged: string[]; failures: unknown[] }> {
  let done = false;
  const stop = () => (done = true);
  until.then(stop, stop);
  const acknowledged: string[] = [];
  const failures: unknown[] = [];
  const loop = async () => {
    // One more send after the recreate settles, so the window right after it is covered too.
    for (let last = false; !last;) {
      last = done;
      const id = await boss.send(queue, {}).catch((error: unknown) => {
        failures.push((error as { code?: unknown }).code);
        return null;
      });
      if (id) acknowledged.push(id);
    }
  };
  await Promise.all(Array.from({ length: count }, loop));
  return { acknowledged, failures };
}

describe.each(VERSIONS)("pg-boss %s: onDrift 'recreate'", (version) => {
  const legacy = majorOf(version) === 10;
  const bosses = useBosses(version, database);
  const declare = (boss: TestBoss, name: string, options: object) =>
    boss.createQueue(name, { ...(legacy ? { name } : {}), ...options });

  // A job whose send() returned an id 0–15 ms after the emptiness check was deleted with the queue
  // (5 of 150 trials on 11.1.2, 19 of 150 on 12.38.0).
  it(
    `never deletes an acknowledged job while producers keep sending (${TRIALS} trials)`,
    async () => {
      const schema = newSchemaName();
      const boss = await bosses.start(schema, { max: 6 });
      const outcomes = { recreated: 0, refused: 0 };
      const lost: string[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        const name = `r_${trial}`;
        await declare(boss, name, { retryLimit: 1 });
        // Its outcome is taken at once: a rejection during the wait below would have no handler yet, and be
        // reported as unhandled, then handled late.
        const recreating = safeCreateQueue(boss, name, { retryLimit: 2 }, { onDrift: 'recreate' }).then(
          (outcome) => outcome.status,
          (error: unknown) => error,
        );
        // Producers start at a different moment of the recreate in every trial, within its first milliseconds.
        await new Promise((resolve) => setTimeout(resolve, trial % 8));
        const { acknowledged } = await produce(boss, name, PRODUCERS, recreating);
        const result = await recreating;
        if (result === 'recreated') outcomes.recreated++;
        else {
          // Refused, never a raw 23001/23503 or "finds no queue".
          expect(result).toBeInstanceOf(QueueDriftError);
          expect((result as Error).message).toMatch(/was not recreated: it holds jobs/);
          outcomes.refused++;
        }
        const stored = await database().query<{ id: string }>(
          `SELECT id::text FROM ${schema}.job WHERE id = ANY($1::uuid[])`,
          [acknowledged],
        );
        const found = new Set(stored.map((row) => row.id));
        lost.push(...acknowledged.filter((id) => !found.has(id)));
      }
      expect(lost).toEqual([]);
      expect(outcomes.recreated + outcomes.refused).toBe(TRIALS);
    },
    TRIALS_TIMEOUT_MS,
  );

  it("refuses to recreate another queue's dead letter, before deleting anything, and goes on with the rest", async () => {
    const schema = newSchemaName();
    const boss = await bosses.start(schema);
    await declare(boss, 'mail_dlq', { retryLimit: 1 });
    await declare(boss, 'mail', { deadLetter: 'mail_dlq' });
    await declare(boss, 'sms', { retryLimit: 1 });
    const error = await safeCreateQueues(
      boss,
      { mail_dlq: { retryLimit: 3 }, mail: { deadLetter: 'mail_dlq' }, sms: { retryLimit: 3 } },
      { onDrift: 'recreate' },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueueDriftError);
    expect((error as Error).message).toMatch(
      /^Queue "mail_dlq" was not recreated: it is the dead letter of queue "mail"; change or recreate that queue first:\n {2}mail_dlq\.retryLimit: declared 3, stored 1$/,
    );
    expect(await boss.getQueue('mail_dlq')).toMatchObject({ retryLimit: 1 });
    expect(await boss.getQueue('mail')).toMatchObject({ deadLetter: 'mail_dlq' });
    // The refusal did not stop the queue declared after it.
    expect(await boss.getQueue('sms')).toMatchObject({ retryLimit: 3 });
  });
});

describe.each(VERSIONS.filter((version) => majorOf(version) > 10))(
  "pg-boss %s: onDrift 'recreate' of a partitioned queue",
  (version) => {
    const bosses = useBosses(version, database);

    // 11+ insert into a partitioned queue's own table and then reach job; the recreate locked job first and
    // deadlocked a send (40P01) in about 2 of 100 trials.
    it(
      `never deadlocks a producer of a partitioned queue (${TRIALS} trials)`,
      async () => {
        const boss = await bosses.start(newSchemaName(), { max: 6 });
        const failures: unknown[] = [];
        for (let trial = 0; trial < TRIALS; trial++) {
          const name = `p_${trial}`;
          await boss.createQueue(name, { partition: true, retryLimit: 1 });
          const options = { partition: true, retryLimit: 2 };
          const refusal = safeCreateQueue(boss, name, options, { onDrift: 'recreate' }).then(
            () => undefined,
            (error: unknown) => error,
          );
          await new Promise((resolve) => setTimeout(resolve, trial % 8));
          failures.push(...(await produce(boss, name, PRODUCERS, refusal)).failures);
          const refused = await refusal;
          if (refused !== undefined) expect(refused).toBeInstanceOf(QueueDriftError);
        }
        expect(failures).not.toContain('40P01');
      },
      TRIALS_TIMEOUT_MS,
    );
  },
);
