import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import jscodeshift, { type API } from 'jscodeshift';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import transform from '../../codemods/safe-create-queue';
import * as runtime from '../../src/runtime';
import { newSchemaName } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { TestBoss } from '../support/pgBossVersions';

/** An app on a pg-boss fork (a git dependency) whose createQueue accepts one more policy. */
const APP = `'use strict';

const PgBoss = require('pg-boss');

const boss = new PgBoss(process.env.DATABASE_URL);

async function declareQueues() {
  try {
    await boss.createQueue('orders', { policy: 'exactly_once' });
  } catch {}
}

module.exports = { boss, declareQueues };
`;

/** pg-boss 10.4.2 with `exactly_once` added to its policies, in a folder of its own beside this repository's packages. */
function buildFork(): { folder: string; PgBoss: new (options: object) => TestBoss } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pg-boss-fork-'));
  const root = path.join(__dirname, '../..');
  cpSync(path.join(root, 'node_modules/pg-boss-10.4.2'), path.join(folder, 'pg-boss'), { recursive: true });
  // Its own dependencies resolve from this repository's node_modules.
  symlinkSync(path.join(root, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  const plans = path.join(folder, 'pg-boss/src/plans.js');
  const source = readFileSync(plans, 'utf8');
  const patched = source.replace(
    'const QUEUE_POLICIES = Object.freeze({',
    "const QUEUE_POLICIES = Object.freeze({\n  exactly_once: 'exactly_once',",
  );
  expect(patched).not.toBe(source);
  writeFileSync(plans, patched);
  return { folder, PgBoss: createRequire(path.join(folder, 'index.js'))('./pg-boss') as never };
}

function rewrite(source: string): string {
  const j = jscodeshift.withParser(transform.parser);
  return transform({ path: 'queues.cjs', source }, { j, jscodeshift: j, stats: () => {}, report: () => {} } as API, {});
}

describe('a pg-boss fork is judged by its own createQueue', () => {
  let database: TestDatabase;
  let fork: ReturnType<typeof buildFork>;
  const started: TestBoss[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('fork');
    fork = buildFork();
  });
  afterAll(async () => {
    await Promise.all(started.map((boss) => boss.stop({ graceful: false, wait: true, close: true, destroy: true })));
    await database.drop();
    rmSync(fork.folder, { recursive: true, force: true });
  });

  // The helper refused the fork's policy inside the rewritten `try { … } catch {}`: no queue, and no word of it.
  it("still creates the queue after the codemod's rewrite of a call inside try { … } catch {}", async () => {
    const rewritten = rewrite(APP);
    expect(rewritten).toContain("await safeCreateQueue(boss, 'orders', { policy: 'exactly_once' });");
    const schema = newSchemaName();
    const modules: Record<string, unknown> = {
      'pg-boss': class extends fork.PgBoss {
        constructor(url: string) {
          super({ connectionString: url, schema, supervise: false, schedule: false, max: 2 });
        }
      },
      'pg-boss-safe-create-queue': runtime,
    };
    const app = { exports: {} as { boss: TestBoss; declareQueues: () => Promise<void> } };
    new Function('require', 'module', 'process', rewritten)((name: string) => modules[name], app, {
      env: { DATABASE_URL: database.url },
    });
    const { boss, declareQueues } = app.exports;
    boss.on('error', () => {});
    await boss.start();
    started.push(boss);
    await declareQueues();
    expect(await boss.getQueue('orders')).toMatchObject({ name: 'orders', policy: 'exactly_once' });
  });
});
