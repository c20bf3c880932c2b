import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { newSchemaName } from '../support/bossFactory';
import { useTestDatabase } from '../support/database';
import { loadPgBoss, type PgBossVersion } from '../support/pgBossVersions';

const VERSIONS: readonly PgBossVersion[] = ['10.4.2', '12.38.0'];
const PROCESSES = 12;
const TERMINATE_EVERY_MS = 50;
/** Enough to hit creates, lookups and lock holders alike; then the storm may converge. */
const TERMINATIONS = 40;

/** Five dead-letter chains of three queues: main → retry → dead. */
const DECLARATIONS = Object.fromEntries(
  Array.from({ length: 5 }, (_, chain) => [
    [`c${chain}_main`, { deadLetter: `c${chain}_retry`, retryLimit: 1 }],
    [`c${chain}_retry`, { deadLetter: `c${chain}_dead` }],
    [`c${chain}_dead`, {}],
  ]).flat(),
);

const database = useTestDatabase('storm');

interface StormProcess {
  ready: Promise<void>;
  go(): void;
  /** The exit code and the process's last line of output. */
  exited: Promise<{ code: number | null; report: string }>;
}

function startProcess(version: PgBossVersion, schema: string, applicationName: string): StormProcess {
  const child = spawn(
    process.execPath,
    [
      path.join(__dirname, '../support/stormProcess.mjs'),
      version,
      database().url,
      schema,
      applicationName,
      JSON.stringify(DECLARATIONS),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve) =>
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line === 'ready') resolve();
    }),
  );
  return {
    ready,
    go: () => child.stdin.end('go\n'),
    exited: once(child, 'exit').then(([code]) => ({ code: code as number | null, report: lines.at(-1) ?? stderr })),
  };
}

describe.each(VERSIONS)('pg-boss %s: boot storm while backends are terminated', (version) => {
  // On 10.x the lock-holding connection had no 'error' listener: 2 of 30 processes exited with code 1.
  it(`${PROCESSES} processes declare the same dead-letter chains; none crashes, every queue is declared once`, async () => {
    const schema = newSchemaName();
    const applicationName = `storm_${schema}`;
    // Install the schema first, so that what is terminated is the declaration, not the migration.
    const PgBoss = await loadPgBoss(version);
    const installer = new PgBoss({
      connectionString: database().url,
      schema,
      supervise: false,
      schedule: false,
      max: 1,
    });
    installer.on('error', () => {});
    await installer.start();
    await installer.stop({ graceful: false, wait: true, close: true });

    const processes = Array.from({ length: PROCESSES }, () => startProcess(version, schema, applicationName));
    await Promise.all(processes.map((child) => child.ready));
    let terminated = 0;
    let storming = true;
    // A connection holding the 10.x create lock while the create runs is chosen first: it is the one
    // that had no 'error' listener.
    const terminator = (async () => {
      while (storming && terminated < TERMINATIONS) {
        const rows = await database().query<{ terminated: boolean }>(
          `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
           WHERE application_name = $1 ORDER BY state LIKE 'idle%' AND query LIKE '%advisory%' DESC, random() LIMIT 1`,
          [applicationName],
        );
        terminated += rows.filter((row) => row.terminated).length;
        await new Promise((resolve) => setTimeout(resolve, TERMINATE_EVERY_MS));
      }
    })();
    for (const child of processes) child.go();
    const exits = await Promise.all(processes.map((child) => child.exited));
    storming = false;
    await terminator;

    expect(exits.map(({ code, report }) => ({ code, report: report.startsWith('{"failures"') }))).toEqual(
      exits.map(() => ({ code: 0, report: true })),
    );
    // Terminations reached the storm, so it tested what it says.
    expect(terminated).toBeGreaterThan(0);
    const rows = await database().query<{ name: string; dead_letter: string | null }>(
      `SELECT name, dead_letter FROM ${schema}.queue WHERE name NOT LIKE '\\_\\_pgboss%' ORDER BY name`,
    );
    expect(rows).toEqual(
      Object.entries(DECLARATIONS)
        .map(([name, options]) => ({ name, dead_letter: (options as { deadLetter?: string }).deadLetter ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
    // Nothing half-created: every queue's table exists, and every queue table belongs to a queue.
    const tableColumn = version.startsWith('10.') ? 'partition_name' : 'table_name';
    const tables = `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`;
    expect(
      await database().query(`SELECT name FROM ${schema}.queue WHERE ${tableColumn} NOT IN (${tables})`, [schema]),
    ).toEqual([]);
    expect(
      await database().query(
        `SELECT relname FROM (${tables}) t WHERE relname ~ '^j[0-9a-f]{56}$'
         AND relname NOT IN (SELECT ${tableColumn} FROM ${schema}.queue)`,
        [schema],
      ),
    ).toEqual([]);
  });
});
