import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getStaticString } from './getStaticPropertyName';

/** `require('x')`, or `require('x')` for a given module. */
export function isRequireCall(node: TSESTree.Node, moduleName?: string): node is TSESTree.CallExpression {
  if (
    node.type !== AST_NODE_TYPES.CallExpression ||
    node.callee.type !== AST_NODE_TYPES.Identifier ||
    node.callee.name !== 'require'
  )
    return false;
  const [argument] = node.arguments;
  const value = argument && getStaticString(argument);
  return value !== undefined && (moduleName === undefined || value === moduleName);
}
