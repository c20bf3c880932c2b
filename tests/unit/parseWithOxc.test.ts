// The CLIs parse with oxc, the rule with typescript-estree: the analysis and the rewrite may only agree if
// the two trees are the same. Every codemod fixture (input and output), every untyped rule case and every
// real-code fixture is parsed both ways and compared node for node, with the string tokens and the scopes.
import fs from 'node:fs';
import path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import { AST_TOKEN_TYPES } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { parseSourceFile, parserFor } from '../../src/files/parseSourceFile';
import { parseWithOxc } from '../../src/files/parseWithOxc';
import type { SourceFile } from '../../src/util/sourceFile';
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
  },
];
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
  });
  return { text: code, ast, scopeManager };
}

/**
 * The tree as data: no parent links (the analysis sets them), no comments (nothing reads them), no token
 * list (compared apart), nor what only oxc gives: `start` and `end` (the offsets of `range`) and an enum
 * member's `computed`.
 */
function treeOf({ ast }: SourceFile): unknown {
  return JSON.parse(
    JSON.stringify(ast, function (this: { type?: string }, key, value: unknown) {
      if (['parent', 'comments', 'tokens', 'start', 'end'].includes(key)) return undefined;
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

function expectSameParse(actual: SourceFile, expected: SourceFile): void {
  expect(treeOf(actual)).toEqual(treeOf(expected));
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

  it('leaves a file with a syntax error to typescript-estree', () => {
    expect(parseWithOxc('boss.createQueue("a" "b");', 'file.ts', false, 'module')).toBeUndefined();
  });
});
