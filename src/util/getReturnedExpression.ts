import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionNode } from './isFunctionNode';

/** The expression a one-line function returns: `(q) => expr` or `function (q) { return expr; }`. */
export function getReturnedExpression(fn: FunctionNode): TSESTree.Expression | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const [statement] = fn.body.body;
  return fn.body.body.length === 1 && statement?.type === AST_NODE_TYPES.ReturnStatement
    ? (statement.argument ?? undefined)
    : undefined;
}
