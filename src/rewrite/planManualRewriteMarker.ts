import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { SourceFile } from '../util/sourceFile';
import { detectCodeStyle } from './codeStyle';
import type { UnrewritableCall } from './planSafeCreateQueueRewrite';
import type { TextEdit } from './textEdit';

export const MANUAL_REWRITE_MARKER = '// TODO(pg-boss-codemod):';

/**
 * A one-line comment above the statement of a call the rewrite leaves alone, saying why and what to do.
 * Nothing when the line above already carries a marker, so a second run adds no duplicate.
 */
export function planManualRewriteMarker(
  source: SourceFile,
  { bare, reason }: UnrewritableCall,
  importSource: string,
): TextEdit | undefined {
  const statement = findStatement(bare.call);
  const lineStart = source.text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const previousLineStart = source.text.lastIndexOf('\n', lineStart - 2) + 1;
  if (source.text.slice(previousLineStart, lineStart).trim().startsWith(MANUAL_REWRITE_MARKER)) return undefined;
  const indent = /^[ \t]*/.exec(source.text.slice(lineStart))![0];
  const text = `${indent}${MANUAL_REWRITE_MARKER} not rewritten to safeCreateQueue from '${importSource}': ${reason}${detectCodeStyle(source.text, source.ast).lineEnding}`;
  return { range: [lineStart, lineStart], text };
}

function findStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && !isStatementList(current.parent)) current = current.parent;
  return current;
}

function isStatementList(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Program ||
    // A class member (`readonly declare = () => this.boss.createQueue(…)`) gets the comment above itself.
    node.type === AST_NODE_TYPES.ClassBody ||
    node.type === AST_NODE_TYPES.BlockStatement ||
    node.type === AST_NODE_TYPES.StaticBlock ||
    node.type === AST_NODE_TYPES.SwitchCase
  );
}
