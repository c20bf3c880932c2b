import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { TestDatabase } from './database';
import { loadPgBoss, type PgBossVersion, type TestBoss } from './pgBossVersions';

/** Starts pg-boss instances of one version against one database, and stops every one of them. */
export interface BossFactory {
  /** A started instance on `schema` (a fresh schema when omitted). */
  start(schema?: string, options?: Record<string, unknown>): Promise<TestBoss>;
  /** An instance that was never started. */
  create(schema?: string): Promise<TestBoss>;
  stopAll(): Promise<void>;
}

export function newSchemaName(): string {
  return `s_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export function bossFactory(version: PgBossVersion, database: Pick<TestDatabase, 'url'>): BossFactory {
  const started: TestBoss[] = [];
  const create = async (schema = newSchemaName(), options: Record<string, unknown> = {}): Promise<TestBoss> => {
    const PgBoss = await loadPgBoss(version);
    // Background work would add its own SQL to what the tests count and wait for.
    const boss = new PgBoss({
      connectionString: database.url,
      schema,
      supervise: false,
      schedule: false,
      max: 2,
      ...options,
    });
    // A terminated connection is reported as an 'error' event; without a listener Node would throw it.
    boss.on('error', () => {});
    return boss;
  };
  return {
    create,
    async start(schema, options) {
      const boss = await create(schema, options);
      await boss.start();
      started.push(boss);
      return boss;
    },
    async stopAll() {
      await Promise.all(
        started.splice(0).map((boss) => boss.stop({ graceful: false, wait: true, close: true, destroy: true })),
      );
    },
  };
}

/**
 * The instances of one describe block, each test's stopped after it. The database is read when an instance
 * is made, so it may be one that a `beforeAll` creates.
 */
export function useBosses(version: PgBossVersion, database: () => TestDatabase): BossFactory {
  const bosses = bossFactory(version, {
    get url() {
      return database().url;
    },
  });
  afterEach(() => bosses.stopAll());
  return bosses;
}
