import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getStaticString } from '../util/getStaticPropertyName';
import { resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';

/**
 * Whether two expressions name the same queue: equal string values, the same variable, or the same
 * member path (`QUEUES.email`). Anything else is treated as a different name, so the call stays reported.
 */
export function isSameQueueName(source: SourceFile, a: TSESTree.Node, b: TSESTree.Node): boolean {
  const left = skipTransparentWrappers(a);
  const right = skipTransparentWrappers(b);
  const leftValue = getStaticString(left);
  if (leftValue !== undefined) return leftValue === getStaticString(right);
  if (left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier) {
    if (left.name !== right.name) return false;
    return resolveIdentifier(source, left) === resolveIdentifier(source, right);
  }
  if (left.type === AST_NODE_TYPES.MemberExpression && right.type === AST_NODE_TYPES.MemberExpression) {
    return textWithoutSpaces(source, left) === textWithoutSpaces(source, right);
  }
  return false;
}

function textWithoutSpaces(source: SourceFile, node: TSESTree.Node): string {
  return source.text.slice(node.range[0], node.range[1]).replace(/\s+/g, '');
}
