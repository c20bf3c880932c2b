import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

/** The nodes that start a function: its own `this` (except arrows), parameters and body. */
export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

const FUNCTION_TYPES = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.FunctionExpression,
]);

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return FUNCTION_TYPES.has(node.type);
}
