import { describe, expect, it } from 'vitest';
import { safeCreateQueue } from '../../src/runtime';
import { newSchemaName, useBosses } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import type { PgBossVersion } from '../support/pgBossVersions';

const VERSIONS: readonly PgBossVersion[] = ['10.0.3', '10.4.2', '11.1.2', '12.38.0'];
const POOL_SIZE = 4;

const database = useTestDatabase('concurrency');

describe.each(VERSIONS)('pg-boss %s: many creates on one instance', (version) => {
  const bosses = useBosses(version, database);

  it('creates 3× the pool size of queues at once on one instance', async () => {
    const schema = newSchemaName();
    const boss = await bosses.start(schema, { max: POOL_SIZE });
    const names = Array.from({ length: 3 * POOL_SIZE }, (_, index) => `burst_${index}`);
    const outcomes = await Promise.all(names.map((name) => safeCreateQueue(boss, name)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(names.map(() => 'created'));
    expect(await database().query(`SELECT name FROM ${schema}.queue WHERE name LIKE 'burst\\_%'`)).toHaveLength(
      names.length,
    );
  });

  // The codemod's own shape, Promise.all over mapped calls, once hung for good on 10.x: after a deadlock
  // (here between the two instances) every create checked a pool connection out to wait for the lock,
  // and the holder's own create found none free.
  it('creates 3× the pool size of queues at once on each of two instances', async () => {
    const schema = newSchemaName();
    const instances = [await bosses.start(schema, { max: POOL_SIZE }), await bosses.start(schema, { max: POOL_SIZE })];
    const names = Array.from({ length: 3 * POOL_SIZE }, (_, index) => `burst_${index}`);
    const results = await Promise.allSettled(
      instances.flatMap((boss, which) => names.map((name) => safeCreateQueue(boss, `${name}_${which}`))),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const rows = await database().query(`SELECT name FROM ${schema}.queue WHERE name LIKE 'burst\\_%'`);
    expect(rows).toHaveLength(2 * names.length);
  });
});
