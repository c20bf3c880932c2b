import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import plugin from '../../src';
import { findBareCreateQueueCalls } from '../../src/analysis/findBareCreateQueueCalls';
import { parseSourceFile } from '../../src/files/parseSourceFile';
import { MANUAL_REWRITE_MARKER } from '../../src/rewrite/planManualRewriteMarker';
import { rewriteSource } from '../../src/rewrite/rewriteSource';
import { DEFAULT_IMPORT_SOURCE } from '../../src/runtimeModule';
import { positionAt } from '../../src/util/positions';
import { casesFor } from '../rules/ruleCases';
import { loadFixturePairs } from './fixturePairs';

const RULE = 'pg-boss/no-bare-create-queue';

/** How a user's flat config lints each kind of file: typescript-eslint for TS, ESLint's own parser for JS. */
function configFor(file: string): Linter.Config[] {
  const isTypeScript = /\.[cm]?tsx?$/.test(file);
  const languageOptions = isTypeScript
    ? { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: file.endsWith('.tsx') } } }
    : {
        parser: espree as Linter.Parser,
        sourceType: file.endsWith('.cjs') ? ('commonjs' as const) : ('module' as const),
        parserOptions: { ecmaFeatures: { jsx: true } },
      };
  return [
    { files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], languageOptions },
    { plugins: { 'pg-boss': plugin as never }, rules: { [RULE]: 'error' } },
  ];
}

const linter = new Linter({ configType: 'flat' });
/** The rule's messages plus any message that says the file was not linted as meant (parse error, no config). */
const lint = (file: string, code: string) =>
  linter
    .verify(code, configFor(file), { filename: file })
    .filter((message) => message.ruleId === RULE || message.ruleId === null);

/** Applies the rule's first suggestion until none is left, as a person clicking the quick fix would. */
function applySuggestionsOneByOne(file: string, code: string): string {
  let current = code;
  for (let step = 0; step < 50; step++) {
    const suggestion = lint(file, current).find((message) => message.suggestions?.length)?.suggestions?.[0];
    if (!suggestion) return current;
    const { range, text } = suggestion.fix;
    current = current.slice(0, range[0]) + text + current.slice(range[1]);
  }
  throw new Error('suggestions did not converge');
}

const withoutMarkers = (code: string) =>
  code
    .split('\n')
    .filter((line) => !line.trim().startsWith(MANUAL_REWRITE_MARKER))
    .join('\n');

/** Every codemod fixture and every untyped rule-test case that uses the default import source. */
const sources = [
  ...loadFixturePairs().map(({ title, file, input }) => ({ title: `fixture ${title}`, file, code: input })),
  ...[...casesFor('untyped').valid, ...casesFor('untyped').invalid]
    .filter((item) => typeof item === 'string' || item.options === undefined)
    .map((item, index) => {
      const code = typeof item === 'string' ? item : item.code;
      // Linted inside this project, where the flat config applies, whatever path the case names.
      const file = path.resolve(path.basename(typeof item === 'string' ? 'file.ts' : (item.filename ?? 'file.ts')));
      return { title: `rule case ${index + 1} (${path.extname(file)})`, file, code };
    }),
];

describe('the rule and the codemod agree', () => {
  it.each(sources)('$title', ({ file, code }) => {
    const reported = lint(file, code);
    expect(reported.filter((message) => message.ruleId !== RULE)).toEqual([]);

    // The calls the rule reports are the calls the codemod finds.
    const source = parseSourceFile(code, file);
    const found = findBareCreateQueueCalls({ source, types: undefined });
    const position = (line: number, column: number) => `${line}:${column}`;
    const start = (call: { range: [number, number] }) => positionAt(source, call.range[0]);
    expect(found.map(({ call }) => position(start(call).line, start(call).column + 1))).toEqual(
      reported.map((message) => position(message.line, message.column)),
    );

    // After the codemod the rule still reports exactly the calls left under a TODO, and offers no fix for them.
    const { output, flagged } = rewriteSource(code, file, DEFAULT_IMPORT_SOURCE);
    const unrewritable = reported.filter((message) => !message.suggestions?.length).length;
    const left = lint(file, output);
    expect(left).toHaveLength(unrewritable);
    expect(left.filter((message) => message.suggestions?.length || message.fix)).toEqual([]);
    expect(flagged).toBe(unrewritable);
    // One comment per statement: calls left in the same statement share it.
    const markers = output.split('\n').filter((line) => line.trim().startsWith(MANUAL_REWRITE_MARKER)).length;
    expect(markers > 0).toBe(unrewritable > 0);
    expect(markers).toBeLessThanOrEqual(unrewritable);

    // Clicking every quick fix gives the codemod's code.
    expect(applySuggestionsOneByOne(file, code)).toBe(withoutMarkers(output));
  });
});
