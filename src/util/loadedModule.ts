import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getStaticString } from './getStaticPropertyName';
import { isRequireCall } from './isRequireCall';
import { skipTransparentWrappers } from './skipTransparentWrappers';

/**
 * The module a declaration's value is, when it is one: `'./queues'` for `require('./queues')` and for `await
 * import('./queues')`, whose namespace object holds the module's exports as `require`'s result does.
 */
export function loadedModule(init: TSESTree.Expression): string | undefined {
  const node = skipTransparentWrappers(init);
  if (node.type === AST_NODE_TYPES.AwaitExpression && node.argument.type === AST_NODE_TYPES.ImportExpression)
    return getStaticString(node.argument.source);
  return isRequireCall(node) ? getStaticString(node.arguments[0]!) : undefined;
}
