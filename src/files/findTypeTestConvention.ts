/**
 * The names the type-test runners look for by default: vitest's typecheck (`*.test-d.ts`, `*.spec-d.ts`,
 * any JS/TS extension), tsd (`*.test-d.ts(x)`, and the files of a `test-d` folder) and TSTyche
 * (`*.tst.*`, and the files of `typetests` and `__typetests__` folders).
 */
const TYPE_TEST_NAME = /\.(?:test-d|spec-d|tst)\.[cm]?[jt]sx?$/;
const TYPE_TEST_FOLDERS = new Set(['test-d', 'typetests', '__typetests__']);

/**
 * Which type-test convention a file follows (`*.test-d.ts`, `typetests/`), or undefined for any other
 * file. A type test's calls are never run, only checked by the compiler: `expect(boss.createQueue('x'))
 * .type…` tests pg-boss's own signature, and rewritten to the helper it would test something else.
 *
 * `relativePath` is below the folder the user named, `/`- or `\`-separated, so a project that itself
 * lives in a folder called `typetests` is not all type tests.
 */
export function findTypeTestConvention(relativePath: string): string | undefined {
  const parts = relativePath.split(/[\\/]/);
  const name = TYPE_TEST_NAME.exec(parts.at(-1)!);
  if (name) return `*${name[0]}`;
  const folder = parts.slice(0, -1).findLast((part) => TYPE_TEST_FOLDERS.has(part));
  return folder === undefined ? undefined : `${folder}/`;
}
