/** Folders whose files are tests, their helpers and fixtures, by the conventions of jest, vitest, mocha and node:test. */
const TEST_FOLDER = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|specs?|e2e|cypress|playwright)\//;

/** `queues.test.ts`, `worker.spec.mjs`, `api.e2e-spec.ts`, `types.test-d.ts`. */
const TEST_FILE = /\.(?:test|spec|e2e|e2e-spec|test-d|tst)\.[cm]?[jt]sx?$/;

/**
 * Whether a file (relative to the scanned root, `/` separators) is test code: its queues are per-test
 * names and its declarations exist for the test, so they neither satisfy nor conflict with production's.
 */
export function isTestFile(file: string): boolean {
  return TEST_FOLDER.test(file) || TEST_FILE.test(file);
}
