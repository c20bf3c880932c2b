import { vi } from 'vitest';

/**
 * ESLint's advice, when a lint on worker threads (`concurrency`) spent little of its time linting, to use
 * fewer threads: true of the small corpora that the tests lint on two threads to prove the same reports.
 */
export const ESLINT_POOR_CONCURRENCY = 'ESLintPoorConcurrencyWarning';

/**
 * Runs `run` with `process.emitWarning` recording instead of printing (ESLint captures it when constructed,
 * so construct it inside `run`), and returns its result with every recorded warning whose type is not in
 * `expected`, as `Type: message`: a test asserts those are none, and the output stays free of the rest.
 */
export async function withExpectedWarnings<T>(
  expected: readonly string[],
  run: () => Promise<T>,
): Promise<{ result: T; unexpected: string[] }> {
  const unexpected: string[] = [];
  const spy = vi.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error, type?: unknown) => {
    const name = typeof type === 'string' ? type : warning instanceof Error ? warning.name : 'Warning';
    if (!expected.includes(name)) unexpected.push(`${name}: ${warning instanceof Error ? warning.message : warning}`);
  });
  try {
    return { result: await run(), unexpected };
  } finally {
    spy.mockRestore();
  }
}
