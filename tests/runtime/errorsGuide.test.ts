import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyQueueError } from '../../src/runtime';
import { useBosses } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import { majorOf, type PgBossVersion, type TestBoss } from '../support/pgBossVersions';

const VERSIONS: readonly PgBossVersion[] = ['10.0.3', '10.4.2', '11.1.2', '12.38.0'];

/**
 * Every message docs/errors.md's "From pg-boss" table quotes, with what produces it and the versions the
 * docs give for it, in the docs' own words. Each is produced on every version: it must occur exactly on
 * the versions named, so the guide cannot name a message a version does not give, nor leave one out.
 */
const QUOTED: ReadonlyArray<{
  readonly message: string;
  /** As errors.md names them on the message's row: `all`, `10.x`, `12.38`, joined by `, `. */
  readonly versions: string;
  readonly produce: (boss: TestBoss) => Promise<unknown>;
}> = [
  {
    message: 'Queue <name> does not exist',
    versions: '11.x, 12.x',
    produce: (boss) => boss.createQueue('orphan', { deadLetter: 'nowhere' }),
  },
  {
    message: 'Queue <name> not found',
    versions: 'all',
    produce: (boss) => (boss as unknown as Scheduler).schedule('undeclared', '0 * * * *'),
  },
  {
    message: 'Dead letter queue <name> does not exist',
    versions: '12.38',
    produce: async (boss) => {
      await boss.createQueue('jobs', { name: 'jobs' } as object);
      await (boss as unknown as Sender).send('jobs', {}, { deadLetter: 'nowhere' });
    },
  },
  {
    message: 'Queue <name> was not deleted: queue <other> uses it as its dead letter queue',
    versions: '12.x',
    produce: async (boss) => {
      await boss.createQueue('dlq', { name: 'dlq' } as object);
      await boss.createQueue('source', { deadLetter: 'dlq' });
      await boss.deleteQueue('dlq');
    },
  },
  {
    message: 'Database not opened…',
    versions: '12.x',
    produce: async (boss) => {
      await boss.stop({ graceful: false, close: true, wait: true });
      await boss.getQueue('any');
    },
  },
  {
    message: "Cannot destructure property 'rows'…",
    versions: '10.x, 11.x',
    produce: async (boss) => {
      await boss.stop({ graceful: false, close: true, wait: true });
      await boss.getQueue('any');
    },
  },
  {
    message: 'Cannot use a pool after calling end on the pool',
    versions: 'all',
    // pg's own: a connection asked of the instance's pool once stop() has begun to end it. pg-boss's own
    // statements check first that the instance is open, which stop() turns off before it ends the pool.
    produce: async (boss) => {
      const db = (boss as unknown as { getDb(): Db }).getDb();
      const end = db.pool.end.bind(db.pool);
      let during: Promise<unknown> = Promise.resolve();
      db.pool.end = () => {
        const ended = end();
        during = db.pool.query('SELECT 1').then(
          () => undefined,
          (error: unknown) => error,
        );
        return ended;
      };
      await boss.stop({ graceful: false, close: true, wait: true });
      const error = await during;
      if (error) throw error;
    },
  },
  {
    message: '… is not a valid queue policy',
    versions: 'all',
    produce: (boss) => boss.createQueue('odd', { policy: 'sometimes' }),
  },
  {
    message: 'retryLimit must be …',
    versions: 'all',
    produce: (boss) => boss.createQueue('odd', { retryLimit: -1 }),
  },
];

interface Scheduler {
  schedule(name: string, cron: string): Promise<unknown>;
}
interface Sender {
  send(name: string, data: object, options: object): Promise<unknown>;
}
interface Db {
  pool: { end(): Promise<void>; query(text: string): Promise<unknown> };
}

/** The "From pg-boss" table of docs/errors.md, one line per row. */
function documentedRows(): string[] {
  const docs = readFileSync(path.join(__dirname, '../../docs/errors.md'), 'utf8');
  return docs
    .slice(docs.indexOf('## From pg-boss'), docs.indexOf('## From this package'))
    .split('\n')
    .filter((line) => line.startsWith('| `'));
}

/** The messages a row quotes in its "how it looks" column: quoted text with a space, not a `code: …`. */
const quotedMessages = (row: string): string[] =>
  [...row.split('|')[2]!.matchAll(/`([^`]+)`/g)]
    .map((match) => match[1]!)
    .filter((text) => text.includes(' ') && !text.startsWith('code:'));

/** The kind of the row that quotes `message`. */
const documentedKind = (message: string): string =>
  /^\| `([\w-]+)`/.exec(documentedRows().find((row) => quotedMessages(row).includes(message))!)![1]!;

/** The docs' template as a pattern: `<name>` stands for a name, `…` for any text. */
const templatePattern = (template: string): RegExp =>
  new RegExp(
    `^${template
      .split(/(<\w+>|…)/)
      .map((part) =>
        part === '…' ? '.*' : /^<\w+>$/.test(part) ? '\\S+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
    's',
  );

const named = (versions: string, version: PgBossVersion): boolean =>
  versions
    .split(', ')
    .some((token) =>
      token === 'all'
        ? true
        : token.endsWith('.x')
          ? majorOf(version) === Number(token.slice(0, -2))
          : version === token || version.startsWith(`${token}.`),
    );

const database = useTestDatabase('errors_guide');

describe('docs/errors.md', () => {
  it('quotes no message of pg-boss that this test does not produce, and names its versions as this test does', () => {
    const rows = documentedRows();
    const quoted = rows.flatMap(quotedMessages);
    expect([...quoted].sort()).toEqual(QUOTED.map(({ message }) => message).sort());
    for (const { message, versions } of QUOTED) {
      const row = rows.find((line) => quotedMessages(line).includes(message))!;
      expect(row, message).toContain(versions);
    }
  });

  describe.each(VERSIONS)('pg-boss %s', (version) => {
    const bosses = useBosses(version, database);

    it.each(QUOTED.map((quoted) => [quoted.message, quoted] as const))(
      'gives %j exactly where the guide says',
      async (message, { versions, produce }) => {
        const boss = await bosses.start();
        const thrown = await produce(boss).then(
          () => undefined,
          (error: unknown) => error,
        );
        const text = thrown instanceof Error ? thrown.message : String(thrown);
        const matches = templatePattern(message).test(text);
        expect({ version, message: text, matches }).toMatchObject({ matches: named(versions, version) });
        // Where it occurs, classifyQueueError gives it the kind of the guide's row.
        if (matches) expect(classifyQueueError(thrown).kind).toBe(documentedKind(message));
      },
    );
  });
});
