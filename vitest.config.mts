import { defineConfig } from 'vitest/config';

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
        },
      },
      {
        test: {
          name: 'runtime',
          include: ['tests/runtime/**/*.test.ts'],
          globalSetup: ['tests/support/postgresGlobalSetup.mts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/postgresGlobalSetup.mts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
