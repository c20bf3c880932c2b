import os from 'node:os';
import { defineConfig } from 'vitest/config';

/** Runs before the projects that test the built package: rebuilds it when a source changed. */
const buildFirst = 'tests/support/buildGlobalSetup.mts';
/** Starts (or finds, through DATABASE_URL) the PostgreSQL the database tests share. */
const postgres = 'tests/support/postgresGlobalSetup.mts';

/**
 * pg-boss 11 and 12 need Node 22; 10.x runs on 20 too, the oldest Node the runtime helper supports (with
 * pg-boss 10 only). `npm test` runs each file once: these, the per-version suites of 10.x and 10.x's own
 * database history, in `vitest run` on the Node that runs npm (20 in CI); the rest of the runtime tests and
 * the e2e tests on Node 22 (`npm run test:node-22`), where every supported pg-boss version runs.
 */
const PG_BOSS_10_ONLY = ['tests/runtime/pg-boss-10.*.test.ts', 'tests/runtime/databaseHistory.test.ts'];
/**
 * Minutes of load, run by `npm run test:stress`, not by `npm test`: boot storms of many processes with
 * terminated backends, and 200 recreates per version raced by producers (no acknowledged job lost).
 */
const STRESS = ['tests/runtime/storm.test.ts', 'tests/runtime/recreate.test.ts'];

const database = {
  // `../../src/runtime` resolves through the package's manifest to its build, as an app's import does.
  globalSetup: [buildFirst, postgres],
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Vitest runs one worker fewer than the cores by default: one on a 2-core machine, where most test files
    // spend their time waiting for PostgreSQL, npm or a process they started. At least two run side by side.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'lint',
          include: [
            'tests/rules/**/*.test.ts',
            'tests/codemods/**/*.test.ts',
            'tests/queues/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/*.test.ts',
          ],
          setupFiles: ['tests/support/ruleTesterSetup.ts'],
          globalSetup: [buildFirst],
          // Some tests start ESLint, oxlint or our CLIs as processes, which can take longer than vitest's
          // default 5 s on a loaded 2-core machine; a bound, not a measure of speed.
          testTimeout: 30_000,
        },
      },
      {
        // Type tests: `tsc` checks them and a wrong type fails the run; nothing in them executes. `npm run lint`
        // type-checks the same files with the same tsconfig, so `npm test` leaves this project out.
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['tests/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
        },
      },
      { test: { name: 'runtime-pg-boss-10', include: PG_BOSS_10_ONLY, ...database } },
      {
        test: {
          name: 'runtime',
          include: ['tests/runtime/**/*.test.ts'],
          exclude: [...PG_BOSS_10_ONLY, ...STRESS],
          ...database,
        },
      },
      { test: { name: 'stress', include: STRESS, ...database } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The packed tarballs, once per run, made with the README's own `npm pack` line.
          globalSetup: [buildFirst, postgres, 'tests/e2e/packGlobalSetup.mts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
