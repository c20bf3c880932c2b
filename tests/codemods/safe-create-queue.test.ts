import jscodeshift, { type API } from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import transform from '../../codemods/safe-create-queue';

const { parser, parserFor } = transform;
import { UnparsableFileError } from '../../src/files/unparsableFile';
import { loadFixturePairs } from './fixturePairs';

/** The API object jscodeshift's runner hands a transform. */
function jscodeshiftApi(): API {
  const j = jscodeshift.withParser(parser);
  return { j, jscodeshift: j, stats: () => {}, report: () => {} } as API;
}

function run(file: string, source: string, options: Record<string, unknown> = {}): string {
  return transform({ path: file, source }, jscodeshiftApi(), options);
}

describe('safe-create-queue fixtures', () => {
  it.each(loadFixturePairs())('$title', ({ file, input, output }) => {
    const once = run(file, input);
    expect(once).toBe(output);
    // The output must parse, here with jscodeshift's own Babel-based parser for the file's kind.
    expect(() => jscodeshift.withParser(parserFor(file))(once)).not.toThrow();
    // A second run finds nothing left to do.
    expect(run(file, once)).toBe(once);
  });
});

describe('safe-create-queue transform', () => {
  it('chooses the TS parser for .ts/.mts/.cts and TSX for everything else', () => {
    expect(['a.ts', 'a.mts', 'a.cts', 'a.tsx', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs'].map(parserFor)).toEqual([
      'ts',
      'ts',
      'ts',
      'tsx',
      'tsx',
      'tsx',
      'tsx',
      'tsx',
    ]);
  });

  it('returns the very same string for a file it does not change', () => {
    const source = 'export const answer = 42;\n';
    expect(run('plain.ts', source)).toBe(source);
  });

  it('throws a clear error for a file that does not parse', () => {
    const source = "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss(;\nawait boss.createQueue('q');\n";
    expect(() => run('broken.ts', source)).toThrow(UnparsableFileError);
    expect(() => run('broken.ts', source)).toThrow(/broken\.ts \(2:\d+\)/);
  });

  it('leaves a type test alone and reports it, unless --includeTypeTests', () => {
    const source = "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss('x');\nawait boss.createQueue('q');\n";
    const reports: string[] = [];
    const api = { ...jscodeshiftApi(), report: (message: string) => reports.push(message) };
    expect(transform({ path: 'src/queues.test-d.ts', source }, api, {})).toBe(source);
    expect(transform({ path: 'typetests/queues.ts', source }, api, {})).toBe(source);
    expect(reports).toEqual([
      'left alone: a type test (*.test-d.ts); --includeTypeTests rewrites it',
      'left alone: a type test (typetests/); --includeTypeTests rewrites it',
    ]);
    expect(run('src/queues.test-d.ts', source, { includeTypeTests: true })).toContain('safeCreateQueue(boss, ');
  });

  it('imports the helper from --importSource', () => {
    const output = run(
      'app.ts',
      "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss('x');\nawait boss.createQueue('q');\n",
      { importSource: '#queues' },
    );
    expect(output).toContain("import { safeCreateQueue } from '#queues';");
  });
});
