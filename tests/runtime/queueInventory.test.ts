import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QueueDeclarationError, safeCreateQueues, verifyQueues } from '../../src/runtime';
import type { QueueInventoryDeclarations } from '../../src/runtime';
import { bossFactory, type BossFactory } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { copyQueuesMonorepo, fixQueuesMonorepo, runQueues } from '../support/queuesMonorepo';

/** The inventory `pg-boss-queues --json` prints for the fixture monorepo, fixed or as it ships. */
function inventoryOf(fixed: boolean): QueueInventoryDeclarations {
  const directory = copyQueuesMonorepo();
  try {
    if (fixed) fixQueuesMonorepo(directory);
    return JSON.parse(runQueues(directory, '--json', '.').stdout) as QueueInventoryDeclarations;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

describe('pg-boss 12.38.0: the pg-boss-queues inventory as declarations', () => {
  let database: TestDatabase;
  let bosses: BossFactory;

  beforeAll(async () => {
    database = await createTestDatabase('inventory');
    bosses = bossFactory('12.38.0', database);
  });
  afterEach(async () => {
    await bosses.stopAll();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('creates what the code declares, then verifies the database against it', async () => {
    const boss = await bosses.start();
    const inventory = inventoryOf(true);
    const declared = inventory.queues.filter((queue) => queue.declarations.length > 0).map((queue) => queue.name);
    const outcomes = await safeCreateQueues(boss, inventory);
    expect(outcomes.map(({ name, status }) => [name, status])).toEqual(declared.map((name) => [name, 'created']));
    expect(await boss.getQueue('transcribe')).toMatchObject({ retryLimit: 4, deadLetter: 'transcribe-dead-letter' });
    expect(await verifyQueues(boss, inventory)).toEqual({ ok: true, missing: [], drifted: [] });

    await boss.updateQueue('run', { retryLimit: 9 });
    expect(await verifyQueues(boss, inventory)).toEqual({
      ok: false,
      missing: [],
      drifted: [{ name: 'run', drift: [expect.objectContaining({ option: 'retryLimit', desired: 3, actual: 9 })] }],
    });
  });

  it('refuses a queue whose declarations conflict, naming both places, before any SQL', async () => {
    const boss = await bosses.start();
    const inventory = inventoryOf(false);
    const refusal = verifyQueues(boss, inventory);
    await expect(refusal).rejects.toThrow(QueueDeclarationError);
    await expect(refusal).rejects.toThrow(
      'Queue "transcribe" is declared with conflicting options at apps/worker/src/worker.ts:20 and packages/api/src/jobQueue.ts:23',
    );
    expect(await boss.getQueues()).toEqual([]);
  });

  it('leaves out what test code declares: its options for a test are not what production creates', async () => {
    const boss = await bosses.start();
    const inventory: QueueInventoryDeclarations = {
      queues: [
        {
          name: 'emails',
          declarations: [
            { file: 'src/queues.ts', line: 3, options: { retryLimit: 2 } },
            { file: 'test/queues.test.ts', line: 5, options: { retryLimit: 0 }, test: true },
          ],
        },
        { name: 'scratch', declarations: [{ file: 'test/queues.test.ts', line: 6, options: {}, test: true }] },
      ],
    };
    expect((await safeCreateQueues(boss, inventory)).map(({ name, status }) => [name, status])).toEqual([
      ['emails', 'created'],
    ]);
    expect(await boss.getQueue('emails')).toMatchObject({ retryLimit: 2 });
    expect(await verifyQueues(boss, inventory)).toEqual({ ok: true, missing: [], drifted: [] });
  });

  it('refuses a declaration whose options could not be read from the code', async () => {
    const boss = await bosses.start();
    const inventory: QueueInventoryDeclarations = {
      queues: [{ name: 'emails', declarations: [{ file: 'src/queues.ts', line: 3, options: null }] }],
    };
    await expect(safeCreateQueues(boss, inventory)).rejects.toThrow(
      'Queue "emails" is declared at src/queues.ts:3 with options that could not be read from the code',
    );
  });
});
