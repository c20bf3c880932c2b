import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueueDeclarationError, safeCreateQueue, type QueueEvent } from '../../src/runtime';
import { bossFactory, newSchemaName } from '../support/bossFactory';
import { createTestDatabase } from '../support/database';
import { majorOf, type PgBossVersion } from '../support/pgBossVersions';
import { DEAD_LETTER, EXISTING, INPUTS, type Input } from './createQueueParity.inputs';
import { acceptanceTables } from './createQueueParity.table';

/**
 * The helper's promise, as a differential test: every input goes through plain `createQueue` on one
 * schema and through `safeCreateQueue` on another of the same database, on every supported version,
 * once for an absent queue and once for a queue that exists. Both must accept or both must reject, and
 * the stored rows must be equal. From the same runs: what a later version refuses is an upgrade hazard
 * on an earlier one, and docs/runtime.md's table of what each version accepts is these verdicts.
 */
const VERSIONS = ['10.0.3', '10.4.2', '11.1.2', '12.38.0'] as const satisfies readonly PgBossVersion[];

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
  (input.label === `priority: "it's"` && (error as { code?: unknown } | undefined)?.code === '42601');

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

/** The name argument an input's own queue is declared with. */
const argumentOf = (input: Input): string => (input.argument ? input.argument.value : input.name) as string;

/** What the helper did with one input on one version, for an absent queue. */
interface HelperAnswer {
  readonly plainAccepted: boolean;
  readonly accepted: boolean;
  /** The warnings it reported (ignored options, upgrade hazards). */
  readonly events: readonly QueueEvent[];
  /** The same declaration again with `settings.strict`, asked only when the helper accepted it. */
  readonly strict?: Verdict;
}

/** One version's run: the differences between helper and createQueue, and each input's answers. */
interface VersionRun {
  readonly differences: readonly string[];
  readonly answers: ReadonlyMap<string, HelperAnswer>;
}

/** Runs every input on one version, on a database of its own that is dropped afterwards. */
async function runVersion(version: PgBossVersion): Promise<VersionRun> {
  const database = await createTestDatabase(`parity_${version}`);
  const bosses = bossFactory(version, database);
  try {
    // Hundreds of creates, each its own commit: not waiting for the disk keeps the test quick.
    await database.query(`ALTER DATABASE ${new URL(database.url).pathname.slice(1)} SET synchronous_commit = off`);
    const plainSchema = newSchemaName();
    const safeSchema = newSchemaName();
    const [plainBoss, safeBoss] = await Promise.all([bosses.start(plainSchema), bosses.start(safeSchema)]);
    for (const boss of [plainBoss, safeBoss]) {
      for (const name of [DEAD_LETTER, EXISTING]) await boss.createQueue(name, { name } as object);
    }

    const storedRow = async (schema: string, name: string): Promise<Record<string, unknown> | undefined> => {
      const [row] = await database.query(`SELECT * FROM ${schema}.queue WHERE name = $1`, [name]);
      return row && Object.fromEntries(Object.entries(row).filter(([column]) => !IDENTITY_COLUMNS.has(column)));
    };

    /** Runs one input through both, then compares verdicts and rows. */
    const compare = async (
      input: Input,
      name: string,
      state: string,
    ): Promise<{ differences: string[]; answer: HelperAnswer }> => {
      const events: QueueEvent[] = [];
      const logger = { warn: (_message: string, event: QueueEvent) => events.push(event) };
      const argument = name === input.name ? argumentOf(input) : name;
      // Two schemas, so the two sides never wait for each other: they run at once.
      const [plain, safe] = await Promise.all([
        verdictOf(plainBoss.createQueue(argument, input.options() as object)),
        verdictOf(safeCreateQueue(safeBoss, argument, input.options() as never, { logger })),
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
      return { differences, answer: { plainAccepted, accepted: safe.accepted, events } };
    };

    const differences: string[] = [];
    const answers = new Map<string, HelperAnswer>();
    for (const input of INPUTS) {
      const absent = await compare(input, input.name, 'absent');
      differences.push(...absent.differences);
      // Under strict the queue exists now: what strict refuses, it refuses before any SQL touches it.
      const strict = absent.answer.accepted
        ? await verdictOf(safeCreateQueue(safeBoss, argumentOf(input), input.options() as never, { strict: true }))
        : undefined;
      answers.set(input.label, { ...absent.answer, ...(strict && { strict }) });
      // An input that created no queue meets one created without options (a new table each costs on 10.x).
      const created = await Promise.all([storedRow(plainSchema, input.name), storedRow(safeSchema, input.name)]);
      if (created.every(Boolean)) differences.push(...(await compare(input, input.name, 'existing')).differences);
      else if (!input.nameUnderTest) differences.push(...(await compare(input, EXISTING, 'existing')).differences);
    }
    return { differences, answers };
  } finally {
    await bosses.stopAll();
    await database.drop();
  }
}

/**
 * What a later major refuses that this version accepts, each input judged by the helper on both: every
 * such input is reported once (an `upgrade-hazard` event, or an `ignored-option` event for an option this
 * version ignores, whose value it does not judge) and refused under `strict`; every other input raises no
 * hazard, and strict refuses it only for an ignored option. Returns a line per input that breaks this.
 */
function upgradeHazardProblems(version: PgBossVersion, runs: ReadonlyMap<PgBossVersion, VersionRun>): string[] {
  const later = VERSIONS.filter((other) => majorOf(other) > majorOf(version));
  const problems: string[] = [];
  for (const input of INPUTS) {
    const here = runs.get(version)!.answers.get(input.label)!;
    if (!here.accepted) continue;
    const refusedBy = later.filter((other) => !runs.get(other)!.answers.get(input.label)!.accepted);
    const hazards = here.events.filter((event) => event.kind === 'upgrade-hazard').length;
    const ignored = here.events.some((event) => event.kind === 'ignored-option');
    const strictRefused = here.strict?.accepted === false && here.strict.error instanceof QueueDeclarationError;
    const expected =
      refusedBy.length > 0
        ? (hazards === 1 || (hazards === 0 && ignored)) && strictRefused
        : hazards === 0 && strictRefused === ignored;
    if (!expected) {
      problems.push(
        `${input.label}: refused by ${refusedBy.join(', ') || 'no later version'}; ` +
          `events ${JSON.stringify(here.events)}; strict ${here.strict ? describeVerdict(here.strict) : 'not asked'}`,
      );
    }
  }
  return problems;
}

const DOCS = path.join(__dirname, '../../docs/runtime.md');
const TABLE_START = '<!-- createQueue acceptance: generated by tests/runtime/createQueueParity.test.ts -->';
const TABLE_END = '<!-- end of createQueue acceptance -->';

const runs = new Map<PgBossVersion, VersionRun>();
beforeAll(async () => {
  for (const version of VERSIONS) runs.set(version, await runVersion(version));
  // Hundreds of creates per version, each a table of its own on 10.x: bounded generously.
}, 900_000);

describe.each(VERSIONS)('pg-boss %s', (version) => {
  it(`safeCreateQueue accepts, rejects and stores exactly as createQueue does: ${INPUTS.length} inputs, each on an absent queue and then on an existing one`, () => {
    expect(runs.get(version)!.differences).toEqual([]);
  });

  it('reports what a later version refuses as an upgrade hazard, and strict refuses it', () => {
    expect(upgradeHazardProblems(version, runs)).toEqual([]);
  });
});

// The table cannot drift from what the versions do: it is these runs' verdicts. UPDATE_DOCS=1 rewrites it.
it("docs/runtime.md's table of what each version accepts is what createQueue did", async () => {
  const accepted = new Map(
    VERSIONS.map((version) => [
      version,
      new Map([...runs.get(version)!.answers].map(([label, answer]) => [label, answer.plainAccepted])),
    ]),
  );
  // Formatted as the repository formats the docs, so that Prettier's check and this one agree.
  const options = { ...(await resolveConfig(DOCS)), filepath: DOCS };
  const table = (await format(acceptanceTables(INPUTS, accepted), options)).trim();
  const docs = readFileSync(DOCS, 'utf8');
  const [before, rest] = docs.split(TABLE_START);
  const [, after] = rest!.split(TABLE_END);
  const expected = `${before}${TABLE_START}\n\n${table}\n\n${TABLE_END}${after}`;
  if (process.env.UPDATE_DOCS === '1' && docs !== expected) writeFileSync(DOCS, expected);
  expect(readFileSync(DOCS, 'utf8')).toBe(expected);
});
