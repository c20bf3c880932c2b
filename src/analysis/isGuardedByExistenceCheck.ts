import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Truth } from './evaluateCondition';
import { truthWhenQueueExists } from './truthWhenQueueExists';
import { isFunctionNode } from '../util/isFunctionNode';
import type { SourceFile } from '../util/sourceFile';

/**
 * Whether the call only runs once a check has found the queue `name` absent: it sits in the branch
 * taken when the queue is absent (`if`, `else`, `?:`, `&&`/`||`), or after a statement that leaves
 * the block when the queue exists. The search stops at the enclosing function: a check outside a
 * callback says nothing about when the callback runs.
 */
export function isGuardedByExistenceCheck(source: SourceFile, call: TSESTree.Node, name: TSESTree.Node): boolean {
  // What each condition is when the queue exists: the call must sit where that value does not lead.
  const whenExists = (condition: TSESTree.Node): Truth => truthWhenQueueExists(source, condition, name);
  let child: TSESTree.Node = call;
  for (let node = call.parent; node && !isFunctionNode(node); child = node, node = node.parent) {
    switch (node.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === node.consequent && whenExists(node.test) === false) return true;
        if (child === node.alternate && whenExists(node.test) === true) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        // `a && call` runs the call when `a` is truthy, `a || call` when it is falsy.
        if (child === node.right && node.operator !== '??' && whenExists(node.left) === (node.operator === '||'))
          return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock:
        if (precededByExitWhenPresent(node.body, child, whenExists)) return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (precededByExitWhenPresent(node.consequent, child, whenExists)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function precededByExitWhenPresent(
  statements: readonly TSESTree.Node[],
  child: TSESTree.Node,
  whenExists: (condition: TSESTree.Node) => Truth,
): boolean {
  const index = statements.indexOf(child);
  return statements.slice(0, Math.max(index, 0)).some((statement) => {
    if (statement.type !== AST_NODE_TYPES.IfStatement) return false;
    // The test is read only when a branch leaves the block: most `if`s above a call do not.
    const exitsWhenTrue = alwaysExits(statement.consequent);
    const exitsWhenFalse = statement.alternate != null && alwaysExits(statement.alternate);
    if (!exitsWhenTrue && !exitsWhenFalse) return false;
    const test = whenExists(statement.test);
    return (test === true && exitsWhenTrue) || (test === false && exitsWhenFalse);
  });
}

/** `return`, `throw`, `continue`, `break`, or a block that ends with one. */
function alwaysExits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement: {
      const last = statement.body.at(-1);
      return last !== undefined && alwaysExits(last);
    }
    default:
      return false;
  }
}
