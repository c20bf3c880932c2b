import { afterAll, beforeAll, expect, it } from 'vitest';
import { safeCreateQueue } from '../../src/runtime';
import { bossFactory, newSchemaName } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('history');
});
afterAll(async () => {
  await database.drop();
});

// 10.0.4 made createQueue a no-op on an existing queue, but shipped no migration: a database first
// installed by 10.0.3 keeps throwing 23505 under 10.0.4–10.1.4, until 10.1.5's migration.
it('treats 23505 as "exists" on a database installed by 10.0.3 and then used by 10.1.4', async () => {
  const schema = newSchemaName();
  const old = bossFactory('10.0.3', database);
  const first = await old.start(schema);
  await first.createQueue('emails', { name: 'emails', retryLimit: 1 } as object);
  await old.stopAll();

  const upgraded = bossFactory('10.1.4', database);
  const boss = await upgraded.start(schema);
  try {
    expect((await database.query<{ version: number }>(`SELECT version FROM ${schema}.version`))[0]?.version).toBe(23);
    // The hazard itself, so this test cannot pass on a database that lacks it.
    await expect(boss.createQueue('emails', { name: 'emails' } as object)).rejects.toMatchObject({
      code: '23505',
      constraint: 'queue_pkey',
    });

    await expect(safeCreateQueue(boss, 'emails', { retryLimit: 1 })).resolves.toEqual({
      name: 'emails',
      status: 'exists',
      drift: [],
    });
    const instances = await Promise.all(Array.from({ length: 10 }, () => upgraded.start(schema)));
    const results = await Promise.allSettled(instances.map((instance) => safeCreateQueue(instance, 'sms')));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await database.query(`SELECT name FROM ${schema}.queue WHERE name = 'sms'`)).toHaveLength(1);
  } finally {
    await upgraded.stopAll();
  }
});
