// The CLIs parse with oxc, the rule with typescript-estree: the analysis and the rewrite may only agree if
// the two trees are the same. Every codemod fixture (input and output), every untyped rule case and every
// real-code fixture is parsed both ways and compared node for node, with the string tokens and the scopes.
import fs from 'node:fs';
import path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import { AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { describe, expect, it } from 'vitest';
import { parseSourceFile, parserFor } from '../../src/files/parseSourceFile';
import { NO_LIBRARY_GLOBALS, parseWithOxc } from '../../src/files/parseWithOxc';
import { TOO_LARGE_WITHOUT_OXC } from '../../src/files/unparsableFile';
import { positionAt } from '../../src/util/positions';
import type { SourceFile } from '../../src/util/sourceFile';
import { walkNodes } from '../../src/util/walkNodes';
import { loadFixturePairs } from '../codemods/fixturePairs';
import { casesFor } from '../rules/ruleCases';

const FIXTURES = path.resolve(__dirname, '../fixtures');

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}

const USES_BOSS = "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss(process.env.DATABASE_URL!);\n";
const USES_BOSS_CJS = "const { PgBoss } = require('pg-boss');\nconst boss = new PgBoss(process.env.DATABASE_URL);\n";

/** Files oxc must parse itself: real code and the codemod's fixtures (some rule cases `return` at the top level, which oxc rejects and typescript-estree parses). */
const files = [
  ...loadFixturePairs().flatMap(({ title, file, input, output }) => [
    { title: `fixture ${title} input`, file, code: input },
    { title: `fixture ${title} output`, file, code: output },
  ]),
  ...[...sourceFiles(path.join(FIXTURES, 'realWorld')), ...sourceFiles(path.join(FIXTURES, 'real-code-queues'))].map(
    (file) => ({ title: path.relative(FIXTURES, file), file, code: fs.readFileSync(file, 'utf8') }),
  ),
  // Lines and columns: every line ending ESLint knows, and characters that take two UTF-16 units.
  {
    title: 'CRLF, CR and U+2028 line ends, astral characters',
    file: 'lines.ts',
    code: "import { PgBoss } from 'pg-boss';\r\nconst boss = new PgBoss('🐘');\rconst s = '\u2028';\u2028/* 🐘 */ await boss.createQueue(\"🐘\");\n",
  }, // Syntax where parsers commonly differ, around the calls the CLIs look for.
  ...Object.entries({
    'hashbang.ts': `#!/usr/bin/env node\n${USES_BOSS}await boss.createQueue('a');`,
    'template-crlf.ts': `${USES_BOSS}await boss.createQueue(\`a\r\nb\${1}\r\n\`);`,
    'decorators.ts': `${USES_BOSS}@dec class Q { @dec async m() { await boss.createQueue('a'); } @dec accessor x = 1; }`,
    'stage3-decorators.ts': `${USES_BOSS}export @dec class Q { static accessor y = boss.createQueue('a'); }`,
    'using.ts': `${USES_BOSS}{ using a = r; await using b = r; for (await using c of d) await boss.createQueue('a'); }`,
    'import-attributes.mts': `import cfg from './c.json' with { type: 'json' };\n${USES_BOSS}await boss.createQueue(cfg.q);`,
    'typescript-only.ts': `${USES_BOSS}enum E { A = 'a' } const enum C { B = 'b' } namespace N { export const q = 'n'; }
declare module 'pg-boss' { interface X { y: 1 } }
abstract class S { boss!: PgBoss; abstract go(): void; f(a: string): void; f(a: any) {} }
await boss!?.createQueue(E.A satisfies string); await (<PgBoss>boss).createQueue(C.B);`,
    'require-import.cts': `import pgBoss = require('pg-boss');\nconst boss = new pgBoss.PgBoss('x');\nboss.createQueue('a');\nexport = boss;`,
    'arrow-generic.tsx': `${USES_BOSS}const f = <T,>(x: T) => boss.createQueue('a'); const e = <b title="x">{f(1)}</b>;`,
    'script.cjs': `const { PgBoss } = require('pg-boss');\nconst boss = new PgBoss('x');\nwith (boss) { createQueue('a'); }\nfunction f(a, a) { return boss.createQueue(arguments[0]); }`,
    'private-in.ts': `${USES_BOSS}class P { #x = 1; async m(o: object) { outer: if (#x in o) await boss.createQueue('a'); } }`,
    'regexp-v.ts': `${USES_BOSS}await boss.createQueue('a'.replace(/[\\p{L}--[a-z]]/v, ''));`,
    'unicode.ts': `\uFEFF${USES_BOSS}const ñ = 'ü', 𝑥 = 'x', \\u0061b = 'y'; await boss.createQueue(ñ + 𝑥 + ab);`,
    'empty.ts': '',
  }).map(([file, code]) => ({ title: file, file, code })),
];

/**
 * Files oxc parses but typescript-estree rejects or reads otherwise: each goes to typescript-estree, so
 * a CLI skips it for the reason the rule's parser gives, or analyses the tree that parser gives.
 */
const leftToTypeScriptEstree = Object.entries({
  'legacy-octal.cjs': `${USES_BOSS_CJS}boss.createQueue('a'); 010;`,
  'leading-zero.cjs': `${USES_BOSS_CJS}boss.createQueue('a'); 08;`,
  'octal-escape.cjs': `${USES_BOSS_CJS}boss.createQueue('\\01');`,
  'eight-escape.js': `${USES_BOSS}boss.createQueue('\\8');`,
  'html-open-comment.cjs': `${USES_BOSS_CJS}boss.createQueue('a') <!-- b\n`,
  'html-close-comment.cjs': `${USES_BOSS_CJS}--> a\nboss.createQueue('a');`,
  'for-in-initializer.cjs': `${USES_BOSS_CJS}for (var q = 'a' in {}) boss.createQueue(q);`,
  'for-of-initializer.cjs': `${USES_BOSS_CJS}for (var q = 'a' of []) boss.createQueue(q);`,
  'tagged-template-octal.ts': `${USES_BOSS}await boss.createQueue(String.raw\`\\01\`);`,
  'tagged-template-escape.ts': `${USES_BOSS}await boss.createQueue(String.raw\`\\u{zz}\${1}\`);`,
  'computed-enum.ts': `${USES_BOSS}enum Q { ['a'] = 'a' }\nawait boss.createQueue(Q.a);`,
  'jsx-text-entity.jsx': `${USES_BOSS}const e = <p>&nbsp;{boss.createQueue('a')}</p>;`,
  'jsx-attribute-entity.tsx': `${USES_BOSS}const e = <p title="&quot;">{boss.createQueue('a')}</p>;`,
}).map(([file, code]) => ({ file, code }));
const ruleCases = [...casesFor('untyped').valid, ...casesFor('untyped').invalid].map((item, index) => ({
  title: `rule case ${index + 1}`,
  file: typeof item === 'string' ? 'file.ts' : (item.filename ?? 'file.ts'),
  code: typeof item === 'string' ? item : item.code,
}));

const sourceTypeOf = (file: string) => (/\.c[jt]s$/.test(file) ? 'script' : 'module');

function parseWithTypeScriptEstree(code: string, file: string): SourceFile {
  const { ast, scopeManager } = parseForESLint(code, {
    filePath: file,
    ecmaFeatures: { jsx: parserFor(file) === 'tsx' },
    sourceType: sourceTypeOf(file),
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    lib: NO_LIBRARY_GLOBALS,
  });
  return { text: code, ast, scopeManager };
}

/**
 * The tree as data: no parent links (the analysis sets them), no comments (nothing reads them), no token
 * list (compared apart), no `loc` (only typescript-estree sets it: positions are compared apart), nor what
 * only oxc gives: `start` and `end` (the offsets of `range`) and an enum member's `computed`.
 */
function treeOf({ ast }: SourceFile): unknown {
  return JSON.parse(
    JSON.stringify(ast, function (this: { type?: string }, key, value: unknown) {
      if (['parent', 'comments', 'tokens', 'loc', 'start', 'end'].includes(key)) return undefined;
      if (key === 'computed' && this.type === 'TSEnumMember') return undefined;
      if (typeof value === 'bigint') return `${value}n`;
      return value;
    }),
  );
}

const stringTokens = ({ ast }: SourceFile) =>
  (ast.tokens ?? [])
    .filter((token) => token.type === AST_TOKEN_TYPES.String)
    .map(({ value, range, loc }) => ({ value, range, loc }));

const scopesOf = ({ scopeManager }: SourceFile) =>
  scopeManager!.scopes.map((scope) => ({
    type: scope.type,
    block: scope.block.range,
    variables: scope.variables.map((variable) => [variable.name, variable.defs.map((def) => def.type)]),
    through: scope.through.map((reference) => reference.identifier.name),
  }));

/** Every node's `loc` as typescript-estree gives it, and as positionAt reads it from the node's range in `source`. */
function positionsOf(source: SourceFile, expected: SourceFile): { given: unknown[]; read: unknown[] } {
  const given: unknown[] = [];
  const read: unknown[] = [];
  walkNodes(expected.ast, (node) => {
    given.push(node.loc);
    read.push({ start: positionAt(source, node.range[0]), end: positionAt(source, node.range[1]) });
  });
  return { given, read };
}

function expectSameParse(actual: SourceFile, expected: SourceFile): void {
  expect(treeOf(actual)).toEqual(treeOf(expected));
  const { given, read } = positionsOf(actual, expected);
  expect(read).toEqual(given);
  expect(stringTokens(actual)).toEqual(stringTokens(expected));
  expect(scopesOf(actual)).toEqual(scopesOf(expected));
}

describe('oxc gives the tree typescript-estree gives', () => {
  it.each(files)('$title', ({ file, code }) => {
    const actual = parseWithOxc(code, file, parserFor(file) === 'tsx', sourceTypeOf(file));
    expect(actual).toBeDefined();
    expectSameParse(actual!, parseWithTypeScriptEstree(code, file));
  });

  it.each(ruleCases)('$title, by oxc or else typescript-estree', ({ file, code }) => {
    expectSameParse(parseSourceFile(code, file), parseWithTypeScriptEstree(code, file));
  });

  it.each(leftToTypeScriptEstree)('leaves $file to typescript-estree', ({ file, code }) => {
    expect(parseWithOxc(code, file, parserFor(file) === 'tsx', sourceTypeOf(file))).toBeUndefined();
    let expected: SourceFile | Error;
    try {
      expected = parseWithTypeScriptEstree(code, file);
    } catch (error) {
      expected = error as Error;
    }
    if (expected instanceof Error) expect(() => parseSourceFile(code, file)).toThrow(expected.message);
    else expectSameParse(parseSourceFile(code, file), expected);
  });

  it('leaves a file with a syntax error to typescript-estree', () => {
    expect(parseWithOxc('boss.createQueue("a" "b");', 'file.ts', false, 'module')).toBeUndefined();
  });

  // typescript-estree took 7 s and 1.4 GB on a worker for 2 MB nested 6,000 levels deep, minutes for 16 MB.
  it.each([
    ['nested too deeply for oxc', `const deep = ${'('.repeat(6_000)}1${')'.repeat(6_000)};\n`],
    ['with a syntax error', 'boss.createQueue("a" "b");\n'],
  ])('skips a file over 2 MB %s unread by typescript-estree', (_, tail) => {
    const text = `export const pad = [${'1,'.repeat(1024 * 1024)}0];\n${tail}`;
    expect(() => parseSourceFile(text, 'large.ts')).toThrow(
      expect.objectContaining({ name: 'UnparsableFileError', reason: TOO_LARGE_WITHOUT_OXC }),
    );
  });
});

/** Nodes whose `parent` is not the node that holds them, read without walkNodes (which would set it). */
function misparented(node: TSESTree.Node): string[] {
  return (visitorKeys[node.type] ?? []).flatMap((key) => {
    const value = (node as unknown as Record<string, unknown>)[key];
    return (Array.isArray(value) ? value : [value]).flatMap((child: TSESTree.Node | null | undefined) => {
      if (!child || typeof child !== 'object' || !('type' in child)) return [];
      return [...(child.parent === node ? [] : [`${child.type} at ${child.range.join('-')}`]), ...misparented(child)];
    });
  });
}

// The inventory reads `parent` on the trees it is handed (FileSource.parse), whichever parser made them.
describe('parseSourceFile sets every parent', () => {
  it.each(files.slice(0, 5))('by oxc: $title', ({ file, code }) => {
    expect(misparented(parseSourceFile(code, file).ast)).toEqual([]);
  });

  it.each(leftToTypeScriptEstree.filter(({ file }) => ['html-open-comment.cjs', 'jsx-text-entity.jsx'].includes(file)))(
    'by typescript-estree: $file',
    ({ file, code }) => {
      expect(misparented(parseSourceFile(code, file).ast)).toEqual([]);
    },
  );
});
