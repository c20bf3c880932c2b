import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { BareCreateQueueCall } from '../analysis/getBareCreateQueueCall';
import type { SourceFile } from '../util/sourceFile';
import type { TextEdit } from './textEdit';

export const MANUAL_REWRITE_MARKER = '// TODO(pg-boss-codemod):';

/**
 * A comment above the statement of a call that cannot be rewritten without changing behaviour, saying
 * what to do. Nothing when the line above already carries it, so a second run adds no duplicate.
 */
export function planManualRewriteMarker(
  source: SourceFile,
  bare: BareCreateQueueCall,
  importSource: string,
): TextEdit | undefined {
  const statement = findStatement(bare.call);
  const lineStart = source.text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const previousLineStart = source.text.lastIndexOf('\n', lineStart - 2) + 1;
  if (source.text.slice(previousLineStart, lineStart).trim().startsWith(MANUAL_REWRITE_MARKER)) return undefined;
  const indent = /^[ \t]*/.exec(source.text.slice(lineStart))![0];
  const text = `${indent}${MANUAL_REWRITE_MARKER} this optional createQueue call continues the chain, so it cannot become safeCreateQueue (from '${importSource}') without changing when it runs; rewrite it by hand.\n`;
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
    node.type === AST_NODE_TYPES.BlockStatement ||
    node.type === AST_NODE_TYPES.StaticBlock ||
    node.type === AST_NODE_TYPES.SwitchCase
  );
}
