import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  classifyQueueError,
  QueueDeclarationError,
  QueueResetRefusedError,
  resetQueues,
  safeCreateQueue,
} from '../../src/runtime';
import { bossFactory, newSchemaName, type BossFactory } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { PgBossVersion, TestBoss } from '../support/pgBossVersions';

/** The declarations of the recipe in docs/runtime.md: a queue and its dead letter. */
const queues = {
  emails: { retryLimit: 5, deadLetter: 'emails_dlq' },
  emails_dlq: { retryLimit: 0 },
};

for (const version of ['10.0.3', '10.4.2', '11.1.2', '12.38.0'] satisfies PgBossVersion[]) {
  describe(`pg-boss ${version}: resetQueues`, () => {
    let database: TestDatabase;
    let bosses: BossFactory;
    let boss: TestBoss;
    const schema = newSchemaName();
    const jobsIn = async (name: string): Promise<number> => {
      const [row] = await database.query<{ count: string }>(`SELECT count(*) FROM ${schema}.job WHERE name = $1`, [
        name,
      ]);
      return Number(row!.count);
    };

    beforeAll(async () => {
      database = await createTestDatabase(`reset_${version}`);
      bosses = bossFactory(version, database);
      boss = await bosses.start(schema);
      await safeCreateQueue(boss, 'undeclared');
      await boss.send('undeclared', {});
    });
    afterAll(async () => {
      await bosses.stopAll();
      await database.drop();
    });

    describe('the beforeEach recipe', () => {
      // The recipe, as docs/runtime.md gives it.
      beforeEach(() => resetQueues(boss, queues));

      it('lets a test leave jobs and changed options behind', async () => {
        await boss.send('emails', { to: 'a' });
        await boss.send('emails_dlq', { to: 'b' });
        await boss.updateQueue('emails', {
          ...(version.startsWith('10.') ? { policy: 'standard' } : {}),
          retryLimit: 9,
        });
        expect(await jobsIn('emails')).toBe(1);
      });

      it('starts the next test from the declared state, and leaves undeclared queues alone', async () => {
        expect(await jobsIn('emails')).toBe(0);
        expect(await jobsIn('emails_dlq')).toBe(0);
        expect(await boss.getQueue('emails')).toMatchObject({ retryLimit: 5, deadLetter: 'emails_dlq' });
        expect(await jobsIn('undeclared')).toBe(1);
      });
    });

    // NODE_ENV=PRODUCTION and ' production' ran the reset.
    it.each(['production', 'PRODUCTION', ' production '])(
      'refuses to run when NODE_ENV is %j, unless allowProduction is set',
      async (nodeEnv) => {
        await boss.send('emails', {});
        const previous = process.env.NODE_ENV;
        process.env.NODE_ENV = nodeEnv;
        try {
          const error = await resetQueues(boss, queues).catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(QueueResetRefusedError);
          expect(classifyQueueError(error)).toMatchObject({ kind: 'reset-refused', code: 'ERR_QUEUE_RESET_REFUSED' });
          expect(await jobsIn('emails')).toBe(1);
          await resetQueues(boss, queues, { allowProduction: true });
          expect(await jobsIn('emails')).toBe(0);
        } finally {
          process.env.NODE_ENV = previous;
        }
      },
    );

    it('checks its input before deleting anything', async () => {
      await boss.send('emails', {});
      await expect(resetQueues(boss, queues, { allowProd: true } as never)).rejects.toThrow(QueueDeclarationError);
      await expect(resetQueues(boss, { ...queues, other: 'retryLimit=3' as never })).rejects.toThrow(
        QueueDeclarationError,
      );
      // allowProduction belongs to resetQueues only.
      await expect(safeCreateQueue(boss, 'emails', {}, { allowProduction: true } as never)).rejects.toThrow(
        /Unknown setting "allowProduction"/,
      );
      expect(await jobsIn('emails')).toBe(1);
    });
  });
}
