import { defineConfig } from 'vitest/config';

/** Runs before the projects that test the built package: rebuilds it when a source changed. */
const buildFirst = 'tests/support/buildGlobalSetup.mts';

export default defineConfig({
  test: {
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
        },
      },
      {
        // Type tests: `tsc` checks them and a wrong type fails the run; nothing in them executes.
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['tests/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
        },
      },
      {
        test: {
          name: 'runtime',
          include: ['tests/runtime/**/*.test.ts'],
          // `../../src/runtime` resolves through the package's manifest to its build, as an app's import does.
          globalSetup: [buildFirst, 'tests/support/postgresGlobalSetup.mts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: [buildFirst, 'tests/support/postgresGlobalSetup.mts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
