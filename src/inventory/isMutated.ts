import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { getStaticPropertyName } from '../util/getStaticPropertyName';

/** Methods that change an array or a map in place. */
const MUTATING_METHODS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
  'set',
  'delete',
  'clear',
]);

/**
 * Whether the object a `const` holds is changed through it anywhere in its file: `ctx.schema = …`,
 * `QUEUES.extra++`, `delete OPTIONS.x`, `LIST.push(…)`, `Object.assign(OPTIONS, …)`. A `const` binding is
 * fixed, its object is not; what such an object holds is known only at run time.
 */
export function isMutated(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    let node: TSESTree.Node = reference.identifier;
    // Climb the member chain the reference starts: `ctx.config.schema` is a change of ctx too.
    while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) node = node.parent;
    const parent = node.parent;
    if (node === reference.identifier) {
      return (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments[0] === node &&
        parent.callee.type === AST_NODE_TYPES.MemberExpression &&
        parent.callee.object.type === AST_NODE_TYPES.Identifier &&
        parent.callee.object.name === 'Object' &&
        getStaticPropertyName(parent.callee) === 'assign'
      );
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return true;
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) return true;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return true;
    if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.callee === node &&
      node.type === AST_NODE_TYPES.MemberExpression
    )
      return MUTATING_METHODS.has(getStaticPropertyName(node) ?? '');
    return false;
  });
}
