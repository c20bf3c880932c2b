import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeCreateQueue, type QueueEvent } from '../../src/runtime';
import { useBosses } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import type { PgBossVersion } from '../support/pgBossVersions';

const VERSIONS: readonly PgBossVersion[] = ['10.4.2', '11.1.2', '12.38.0'];

/** The events example of docs/runtime.md: its code block and the JSON block that follows it. */
function documentedExample(): { code: string; events: unknown } {
  const docs = readFileSync(path.join(__dirname, '../../docs/runtime.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Events'));
  const [, code] = /```js\n([\s\S]*?)```/.exec(section)!;
  const [, events] = /```json\n([\s\S]*?)```/.exec(section)!;
  return { code: code!, events: JSON.parse(events!) };
}

type Example = (boss: unknown, safeCreateQueue: unknown) => Promise<QueueEvent[]>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Example;

const database = useTestDatabase('events');

describe.each(VERSIONS)('pg-boss %s: events', (version) => {
  const bosses = useBosses(version, database);

  it('reports what docs/runtime.md says, running its example', async () => {
    const { code, events } = documentedExample();
    const run = new AsyncFunction('boss', 'safeCreateQueue', `${code}\nreturn events;`);
    expect(await run(await bosses.start(), safeCreateQueue)).toEqual(events);
  });

  it("reports warnings as the instance's own 'warning' event when no logger is given, and never info", async () => {
    const boss = await bosses.start();
    const warnings: unknown[] = [];
    (boss as unknown as NodeJS.EventEmitter).on('warning', (warning) => warnings.push(warning));
    await safeCreateQueue(boss, 'reports', { retryLimit: 1 });
    await safeCreateQueue(boss, 'reports', { retryLimit: 2 });
    expect(warnings).toEqual([
      {
        message: 'pg-boss queue "reports" differs from its declaration: retryLimit declared 2, stored 1.',
        data: {
          kind: 'drift',
          queue: 'reports',
          drift: [{ option: 'retryLimit', desired: 2, actual: 1, updatable: true }],
        },
      },
    ]);
  });

  it("reports a recreate through the logger's info", async () => {
    const boss = await bosses.start();
    await safeCreateQueue(boss, 'jobs', { retryLimit: 1 });
    const events: QueueEvent[] = [];
    const logger = { info: (_: string, event: QueueEvent) => events.push(event), warn: () => {} };
    await safeCreateQueue(boss, 'jobs', { retryLimit: 2 }, { logger, onDrift: 'recreate' });
    expect(events).toEqual([
      {
        kind: 'recreated',
        queue: 'jobs',
        drift: [{ option: 'retryLimit', desired: 2, actual: 1, updatable: true }],
      },
    ]);
  });

  // 10.x and 11.x took names that 12.x refuses, and the helper said nothing until the upgrade broke the app.
  it('warns of a name a later version refuses, in its words, and strict refuses it before any SQL', async () => {
    const boss = await bosses.start();
    const warnings: unknown[] = [];
    (boss as unknown as NodeJS.EventEmitter).on('warning', (warning) => warnings.push(warning));
    const declared = safeCreateQueue(boss, 'mail box');
    if (version === '12.38.0') {
      await expect(declared).rejects.toThrow('Name can only contain alphanumeric characters');
      expect(warnings).toEqual([]);
      return;
    }
    await expect(declared).resolves.toMatchObject({ status: 'created' });
    const reason = 'Name can only contain alphanumeric characters, underscores, hyphens, periods, or forward slashes';
    expect(warnings).toEqual([
      {
        message: `pg-boss queue "mail box": pg-boss 12.x refuses its name ("${reason}"), which the installed version accepts.`,
        data: { kind: 'upgrade-hazard', queue: 'mail box', subject: 'name', refusedBy: [12], reason },
      },
    ]);
    await expect(safeCreateQueue(boss, 'in box', {}, { strict: true })).rejects.toThrow(
      `Queue "in box": pg-boss 12.x refuses its name ("${reason}"), which the installed version accepts (settings.strict).`,
    );
    expect(await boss.getQueue('in box')).toBeNull();
  });

  // A logger that threw made the call fail although its queue had been created.
  it("never fails a call for a logger or 'warning' listener that throws; the instance's 'error' listeners hear it", async () => {
    const boss = await bosses.start();
    const heard: unknown[] = [];
    (boss as unknown as NodeJS.EventEmitter).on('error', (error) => heard.push(error));
    const broken = new Error('logger broke');
    const logger = {
      info: () => {
        throw broken;
      },
      warn: () => {
        throw broken;
      },
    };
    await expect(safeCreateQueue(boss, 'logged', { retryLimit: 1 }, { logger })).resolves.toMatchObject({
      status: 'created',
    });
    await expect(safeCreateQueue(boss, 'logged', { retryLimit: 2 }, { logger })).resolves.toMatchObject({
      status: 'exists',
    });
    (boss as unknown as NodeJS.EventEmitter).on('warning', () => {
      throw broken;
    });
    await expect(safeCreateQueue(boss, 'logged', { retryLimit: 3 })).resolves.toMatchObject({ status: 'exists' });
    expect(heard).toEqual([broken, broken, broken]);
  });
});
