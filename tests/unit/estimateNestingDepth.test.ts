// oxc's parser recurses on the native stack without a limit: past it the process dies of a segmentation
// fault no `catch` sees. parseWithOxc hands it only files whose estimated nesting it survives; the real
// files it must still parse itself are held to that in parseWithOxc.test.ts.
import { describe, expect, it } from 'vitest';
import { estimateNestingDepth } from '../../src/files/estimateNestingDepth';
import { parseWithOxc } from '../../src/files/parseWithOxc';

/**
 * Each shape at the smallest depth that killed oxc-parser 0.156 on an 8 MB stack (found by bisection with
 * `parseSync` on the main thread), and chains far longer than that.
 */
const crashing: ReadonlyArray<readonly [shape: string, file: string, code: string]> = [
  ['parentheses', 'a.ts', `const x = ${'('.repeat(5906)}1${')'.repeat(5906)};`],
  ['arrays', 'a.ts', `const x = ${'['.repeat(5812)}${']'.repeat(5812)};`],
  ['objects', 'a.ts', `const x = ${'{a:'.repeat(4968)}1${'}'.repeat(4968)};`],
  ['templates', 'a.ts', `const x = ${'`${'.repeat(5156)}1${'}`'.repeat(5156)};`],
  ['type arguments', 'a.ts', `type T = ${'Array<'.repeat(6000)}1${'>'.repeat(6000)};`],
  ['functions', 'a.ts', `${'function f() {'.repeat(5906)}${'}'.repeat(5906)}`],
  ['blocks', 'a.ts', `${'{'.repeat(16562)}${'}'.repeat(16562)}`],
  ['arrow functions', 'a.ts', `const x = ${'() => '.repeat(11718)}1;`],
  ['if statements', 'a.ts', `${'if (a) '.repeat(30000)}b();`],
  ['else if chains', 'a.ts', `${'if (a) b(); else '.repeat(30000)}c();`],
  ['assignments', 'a.ts', `${'a = '.repeat(17500)}1;`],
  ['conditionals', 'a.ts', `const x = ${'a ? b : '.repeat(30000)}c;`],
  ['JSX elements', 'a.tsx', `const x = ${'<a>'.repeat(18750)}${'</a>'.repeat(18750)};`],
  ['negations', 'a.ts', `const x = ${'!'.repeat(75250)}a;`],
  ['string concatenation', 'a.ts', `const x = 'a'${" + 'a'".repeat(100000)};`],
  ['&& chains', 'a.ts', `const x = a${' && a'.repeat(100000)};`],
  ['?? chains', 'a.ts', `const x = a${' ?? a'.repeat(100000)};`],
  ['member chains', 'a.ts', `const x = a${'.b'.repeat(175125)};`],
  ['call chains', 'a.ts', `const x = f${'()'.repeat(200000)};`],
  // Statements without semicolons still chain through a condition's body.
  ['if statements on lines of their own', 'a.ts', `${'if (a)\n'.repeat(30000)}b()`],
  ['tagged templates on lines of their own', 'a.ts', `const x = f${'\n`a`'.repeat(30000)};`],
];

describe('estimateNestingDepth', () => {
  it.each(crashing)('keeps oxc from %s it cannot survive', (_shape, file, code) => {
    expect(parseWithOxc(code, file, file.endsWith('x'), 'module')).toBeUndefined();
  });

  it('skips brackets in strings, templates, comments and regular expressions', () => {
    const code = [
      "const a = '(', b = \"[\", c = `{${'('}`;",
      '// ((((',
      '/* [[[[ */',
      'const d = /[(/]\\(/g.test(a) ? 1 / 2 / 3 : (4);',
      'if (a) /(/.test(b);',
      // Names that are keywords only in places divide.
      'const half = type / 2 + get / 2 + from / (2);',
    ].join('\n');
    expect(estimateNestingDepth(code)).toBeLessThan(30);
  });

  it('starts again at each statement, with or without semicolons, and at each element of a list', () => {
    const statements = 'foo(a, b);\n'.repeat(10000);
    const lines = 'const a = foo(b)\nbar(c)\n'.repeat(10000);
    const table = `const t = [${'[1, 2], '.repeat(10000)}];`;
    for (const code of [statements, lines, table]) expect(estimateNestingDepth(code)).toBeLessThan(30);
  });

  it.each([
    ['an unterminated string', "const a = 'x;\nb();"],
    ['an unterminated comment', 'a(); /* b'],
    ['an unterminated template', 'const a = `x${b}'],
    ['a bracket closed by another kind', 'a(b];'],
    ['a bracket never closed', 'a(b;'],
  ])('cannot be sure of %s', (_what, code) => {
    expect(estimateNestingDepth(code)).toBe(Infinity);
  });
});
