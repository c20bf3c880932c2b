import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

/**
 * Whether nothing reads the value of `expression`: it is a statement of its own (`boss.createQueue(…);`,
 * `await boss.createQueue(…);`), `void`ed, a loop's update, or flows into such a place through `await`,
 * `!`, a `?:` branch, the right side of `&&`/`||`/`??`, or a comma. A cast (`as`, `satisfies`) reads the
 * type, so it counts as a use. An arrow's expression body
 * counts as read, except as the callback of `forEach`, which ignores what its callback returns.
 * Where this says false, the rewrite must keep the expression's type.
 */
export function isResultDiscarded(expression: TSESTree.Node): boolean {
  let node = expression;
  for (;;) {
    const parent = node.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.ExpressionStatement:
        return true;
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === 'void';
      case AST_NODE_TYPES.ForStatement:
        return parent.update === node || parent.init === node;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== node) return true;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.left === node) return false;
        break;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === node && isForEachCallback(parent);
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        break;
      default:
        return false;
    }
    node = parent;
  }
}

/** `list.forEach((item) => …)`: the array, Map and Set methods of that name all ignore the callback's result. */
function isForEachCallback(arrow: TSESTree.ArrowFunctionExpression): boolean {
  const call = arrow.parent;
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === arrow &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    !call.callee.computed &&
    call.callee.property.type === AST_NODE_TYPES.Identifier &&
    call.callee.property.name === 'forEach'
  );
}
