import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../../src/cli/summarizeRun';
import { TOO_DEEP, TOO_LARGE, TOO_LARGE_WITHOUT_OXC } from '../../src/files/unparsableFile';

describe("the codemod's summary", () => {
  it('counts a file too deep or too large for the parsers apart from syntax errors', () => {
    const skipped = (file: string, reason: string) => ({ file, status: 'skipped' as const, reason });
    const summary = summarizeRun({
      scanned: 4,
      outcomes: [
        skipped('/work/a.ts', "syntax error at 2:25: ',' expected."),
        skipped('/work/b.ts', TOO_DEEP),
        skipped('/work/c.ts', TOO_LARGE),
        skipped('/work/d.ts', TOO_LARGE_WITHOUT_OXC),
      ],
      gaps: [],
      notWritten: 'dry run',
    });
    expect(summary.split('\n')[0]).toBe(
      'pg-boss-codemod (dry run, nothing written): 4 files scanned, 0 changed (0 calls rewritten), 0 calls left for you, 0 unchanged, 1 skipped (syntax error), 1 skipped (nested too deeply), 2 skipped (too large), 0 failed',
    );
  });
});
