import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeCreateQueue } from '../../src/runtime';
import { bossFactory, newSchemaName, type BossFactory } from '../support/bossFactory';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { PgBossVersion, TestBoss } from '../support/pgBossVersions';

/**
 * The helper's promise, as a differential test: every input goes through plain `createQueue` on one
 * schema and through `safeCreateQueue` on another of the same database, on every supported version,
 * once for an absent queue and once for a queue that exists. Both must accept or both must reject, and
 * the stored rows must be equal. Each options object is built afresh for each call (10.x–12.3 write
 * into the object they get).
 */
interface Input {
  readonly label: string;
  readonly name: string;
  readonly options: () => unknown;
  /** The name is what is under test: a queue of another name would not do. */
  readonly nameUnderTest?: boolean;
}

/** Every option some version stores or validates, and keys none stores. */
const KEYS = [
  'policy',
  'partition',
  'retryLimit',
  'retryDelay',
  'retryBackoff',
  'retryDelayMax',
  'expireInSeconds',
  'retentionMinutes',
  'retentionSeconds',
  'deleteAfterSeconds',
  'warningQueueSize',
  'deadLetter',
  'heartbeatSeconds',
  'notify',
  'expireInMinutes',
  'retentionDays',
  'priority',
] as const;

/** Value classes, each tried for every key: what pg-boss checks, coerces, ignores or stores. */
const VALUES: Readonly<Record<string, () => unknown>> = {
  null: () => null,
  undefined: () => undefined,
  empty: () => '',
  'a word': () => 'x',
  'a number string': () => '60',
  'a boolean string': () => 'true',
  '-1': () => -1,
  '0': () => 0,
  '10': () => 10,
  '1.5': () => 1.5,
  '24 h': () => 24 * 60 * 60,
  'above PostgreSQL integer': () => 2_147_483_648,
  true: () => true,
  'an object': () => ({}),
};

/** Values that mean something for one key only. */
const KEY_VALUES: Readonly<Record<string, Readonly<Record<string, () => unknown>>>> = {
  policy: {
    'a policy': () => 'singleton',
    'exclusive (11.1+)': () => 'exclusive',
    'key_strict_fifo (12.10+)': () => 'key_strict_fifo',
    'a member of Object.prototype': () => 'constructor',
  },
  deadLetter: {
    'the dead-letter queue': () => DEAD_LETTER,
    'a missing queue': () => 'nowhere',
    'a quote': () => "it's",
    'a member of Object.prototype': () => 'constructor',
  },
  priority: { 'a quote': () => "it's" },
};

const DEAD_LETTER = 'dlq';
/** An existing queue, created without options, for the inputs that created none of their own. */
const EXISTING = 'existing';

const NAMES: Readonly<Record<string, string>> = {
  'a space': 'a b',
  'a semicolon': 'a;b',
  'a single quote': "a'b",
  'a double quote': 'a"b',
  'a tab': 'a\tb',
  'a dot and a slash': 'a.b/c',
  'no word character': '..',
  'non-ASCII': 'größe',
  '2,049 characters': 'n'.repeat(2049),
  '2,600 characters': 'n'.repeat(2600),
  constructor: 'constructor',
  toString: 'toString',
  __proto__: '__proto__',
  empty: '',
};

/** Options containers and shapes that are not a single key's value. */
const SHAPES: Readonly<Record<string, () => unknown>> = {
  undefined: () => undefined,
  null: () => null,
  'a number': () => 5,
  'an empty object': () => ({}),
  'an array': () => [],
  'a Map': () => new Map([['retryLimit', 3]]),
  'a Date': () => new Date(0),
  'a class instance': () =>
    new (class Options {
      retryLimit = 3;
    })(),
  'a null-prototype object': () => Object.assign(Object.create(null) as object, { retryLimit: 6 }),
  'a frozen object': () => Object.freeze({ retryLimit: 4, policy: 'short' }),
  'name equal to the queue': () => ({ name: 'shape_name_equal_to_the_queue', retryLimit: 5 }),
  'another name': () => ({ name: 'elsewhere', retryLimit: 5 }),
  'itself as dead letter': () => ({ deadLetter: 'shape_itself_as_dead_letter' }),
  'retryDelayMax with retryBackoff': () => ({ retryBackoff: true, retryDelayMax: 30 }),
  'a null policy and dead letter': () => ({ policy: null, deadLetter: null }),
  'every stored option': () => ({
    policy: 'stately',
    partition: true,
    retryLimit: 7,
    retryDelay: 3,
    retryBackoff: true,
    retryDelayMax: 60,
    expireInSeconds: 120,
    retentionMinutes: 30,
    retentionSeconds: 1800,
    deleteAfterSeconds: 600,
    warningQueueSize: 50,
    deadLetter: DEAD_LETTER,
    heartbeatSeconds: 30,
    notify: true,
  }),
};

const slug = (text: string): string => text.replace(/\W+/g, '_');

const INPUTS: readonly Input[] = [
  ...KEYS.flatMap((key) =>
    Object.entries({ ...VALUES, ...KEY_VALUES[key] }).map(([valueLabel, value]) => ({
      label: `${key}: ${valueLabel}`,
      name: slug(`${key}_${valueLabel}`),
      options: () => ({ [key]: value() }),
    })),
  ),
  ...Object.entries(NAMES).map(([label, name]) => ({
    label: `name with ${label}`,
    name,
    options: () => undefined,
    nameUnderTest: true,
  })),
  ...Object.entries(SHAPES).map(([label, options]) => ({ label, name: `shape_${slug(label)}`, options })),
];

/** Columns that say when and where the row was written, not what the queue is. */
const IDENTITY_COLUMNS = new Set(['created_on', 'updated_on', 'table_name', 'partition_name']);

/**
 * Where the helper may accept what createQueue rejects, each listed in docs/runtime.md: pg-boss failing
 * with a JavaScript TypeError of its own (reading a property of `null`, writing into a frozen object),
 * where the helper does what the call evidently meant; and 11+ failing in SQL on a quote in the value of
 * an option they ignore (they write the options' JSON into the statement unescaped), which the helper
 * leaves out.
 */
const mayAcceptWhatCreateQueueRejects = (input: Input, error: unknown): boolean =>
  (error instanceof TypeError && !('code' in error)) ||
  (input.label === 'priority: a quote' && (error as { code?: unknown } | undefined)?.code === '42601');

type Verdict = { accepted: true } | { accepted: false; error: unknown };

const verdictOf = (pending: Promise<unknown>): Promise<Verdict> =>
  pending.then(
    () => ({ accepted: true }),
    (error: unknown) => ({ accepted: false, error }),
  );

/** 10.0.0–10.1.4 databases throw 23505 for an existing queue: validation passed and nothing changed. */
const isExisting = (error: unknown): boolean =>
  (error as { code?: unknown }).code === '23505' && (error as { constraint?: unknown }).constraint === 'queue_pkey';

const describeVerdict = (verdict: Verdict): string =>
  verdict.accepted ? 'accepted' : `rejected: ${String((verdict.error as Error).message ?? verdict.error)}`;

for (const version of ['10.0.3', '10.4.2', '11.1.2', '12.38.0'] satisfies PgBossVersion[]) {
  describe(`pg-boss ${version}: safeCreateQueue accepts, rejects and stores exactly as createQueue does`, () => {
    let database: TestDatabase;
    let bosses: BossFactory;
    let plainBoss: TestBoss;
    let safeBoss: TestBoss;
    const plainSchema = newSchemaName();
    const safeSchema = newSchemaName();

    beforeAll(async () => {
      database = await createTestDatabase(`parity_${version}`);
      // Hundreds of creates, each its own commit: not waiting for the disk keeps the test quick.
      await database.query(`ALTER DATABASE ${new URL(database.url).pathname.slice(1)} SET synchronous_commit = off`);
      bosses = bossFactory(version, database);
      [plainBoss, safeBoss] = await Promise.all([bosses.start(plainSchema), bosses.start(safeSchema)]);
      for (const boss of [plainBoss, safeBoss]) {
        for (const name of [DEAD_LETTER, EXISTING]) await boss.createQueue(name, { name } as object);
      }
    });
    afterAll(async () => {
      await bosses.stopAll();
      await database.drop();
    });

    const storedRow = async (schema: string, name: string): Promise<Record<string, unknown> | undefined> => {
      const [row] = await database.query(`SELECT * FROM ${schema}.queue WHERE name = $1`, [name]);
      return row && Object.fromEntries(Object.entries(row).filter(([column]) => !IDENTITY_COLUMNS.has(column)));
    };

    /** Runs one input through both, then compares verdicts and rows; returns a line per difference. */
    const compare = async (input: Input, name: string, state: string): Promise<string[]> => {
      // Two schemas, so the two sides never wait for each other: they run at once.
      const [plain, safe] = await Promise.all([
        verdictOf(plainBoss.createQueue(name, input.options() as object)),
        verdictOf(safeCreateQueue(safeBoss, name, input.options() as never)),
      ]);
      const plainAccepted = plain.accepted || isExisting(plain.error);
      const differences: string[] = [];
      const excepted = !plain.accepted && safe.accepted && mayAcceptWhatCreateQueueRejects(input, plain.error);
      if (plainAccepted !== safe.accepted && !excepted) {
        differences.push(
          `${input.label} (${state}): createQueue ${describeVerdict(plain)}; helper ${describeVerdict(safe)}`,
        );
      }
      if (plainAccepted && safe.accepted) {
        const [plainRow, safeRow] = await Promise.all([storedRow(plainSchema, name), storedRow(safeSchema, name)]);
        if (JSON.stringify(plainRow) !== JSON.stringify(safeRow)) {
          differences.push(
            `${input.label} (${state}): createQueue stored ${JSON.stringify(plainRow)}; helper ${JSON.stringify(safeRow)}`,
          );
        }
      }
      return differences;
    };

    it(`${INPUTS.length} inputs, each on an absent queue and then on an existing one`, async () => {
      const differences: string[] = [];
      for (const input of INPUTS) {
        differences.push(...(await compare(input, input.name, 'absent')));
        // An input that created no queue meets one created without options (a new table each costs on 10.x).
        const created = await Promise.all([storedRow(plainSchema, input.name), storedRow(safeSchema, input.name)]);
        if (created.every(Boolean)) differences.push(...(await compare(input, input.name, 'existing')));
        else if (!input.nameUnderTest) differences.push(...(await compare(input, EXISTING, 'existing')));
      }
      expect(differences).toEqual([]);
      // Hundreds of creates, each a table of its own on 10.x: one test per version, bounded generously.
    }, 240_000);
  });
}
