import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceFile } from './sourceFile';

/** Per parse, the offsets where its lines start: found at the first position asked of it. */
const lineStartsByTree = new WeakMap<TSESTree.Program, readonly number[]>();

/**
 * The line (from 1) and column (from 0, in UTF-16 code units) of `offset` in `source`, as a node's `loc`
 * gives them. The scan's parse sets no `loc` (src/files/parseWithOxc.ts): it reports where a few calls per
 * file start, and a `loc` on every node of every parsed file was three objects and two searches a node.
 */
export function positionAt(source: Pick<SourceFile, 'text' | 'ast'>, offset: number): TSESTree.Position {
  let lineStarts = lineStartsByTree.get(source.ast);
  if (!lineStarts) lineStartsByTree.set(source.ast, (lineStarts = findLineStarts(source.text)));
  return positionIn(lineStarts, offset);
}

/** `offset`'s line and column by `lineStarts` (findLineStarts). */
export function positionIn(lineStarts: readonly number[], offset: number): TSESTree.Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! };
}

/** Offsets where lines start; a line ends at `\r\n`, `\n`, `\r`, U+2028 or U+2029, as in ESLint and TypeScript. */
export function findLineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n?|[\n\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}
