import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Truth } from './evaluateCondition';
import { isSameQueueName } from './isSameQueueName';
import { truthWhenQueueExists } from './truthWhenQueueExists';
import { isFunctionNode } from '../util/isFunctionNode';
import type { SourceFile } from '../util/sourceFile';

/**
 * What the checks from a node up to its function say whatever the queue's name: the call is guarded, or
 * `readsName` is the first node on the way whose parent's check read the name (none: nothing guards).
 * Kept for every node a walk passes, so that the calls of a chain of 1,500 `else if`s read each test
 * above them once, not once per call below it. Kept per file read: ESLint verifies one AST under
 * several configs, with a scope manager analysed for each, when it is given a SourceCode that has none.
 */
type NameFreeChecks = { readonly guarded: true } | { readonly guarded: false; readonly readsName?: TSESTree.Node };
const nameFreeChecks = new WeakMap<SourceFile, WeakMap<TSESTree.Node, NameFreeChecks>>();

/** Whether the check of `node` guards its `child`, and whether it read the queue's name to say so. */
type Check = (node: TSESTree.Node, child: TSESTree.Node) => { guarded: boolean; nameRead: boolean };

/**
 * Whether the call only runs once a check has found the queue `name` absent: it sits in the branch
 * taken when the queue is absent (`if`, `else`, `?:`, `&&`/`||`), or after a statement that leaves
 * the block when the queue exists. The search stops at the enclosing function: a check outside a
 * callback says nothing about when the callback runs.
 */
export function isGuardedByExistenceCheck(source: SourceFile, call: TSESTree.Node, name: TSESTree.Node): boolean {
  let nameRead = false;
  const namesQueue = (expression: TSESTree.Node) => {
    nameRead = true;
    return isSameQueueName(source, expression, name);
  };
  // What each condition is when the queue exists: the call must sit where that value does not lead.
  const whenExists = (condition: TSESTree.Node): Truth => truthWhenQueueExists(source, condition, namesQueue);
  // The last check this call's walk read, and its answer: a walk stops at a check that reads the name,
  // whose answer for this name is then already known.
  const lastRead: { child?: TSESTree.Node; guarded: boolean } = { guarded: false };
  const check: Check = (node, child) => {
    nameRead = false;
    lastRead.child = child;
    lastRead.guarded = guardsFrom(node, child, whenExists);
    return { guarded: lastRead.guarded, nameRead };
  };
  let known = nameFreeChecks.get(source);
  if (!known) nameFreeChecks.set(source, (known = new WeakMap()));
  for (let child: TSESTree.Node | undefined = call; child;) {
    lastRead.child = undefined;
    const above = nameFreeChecksAbove(child, check, known);
    if (above.guarded) return true;
    if (!above.readsName) return false;
    // A check that reads the name is read for each call that reaches it: once, by this walk or here.
    const { readsName } = above;
    if (lastRead.child === readsName ? lastRead.guarded : guardsFrom(readsName.parent!, readsName, whenExists))
      return true;
    child = readsName.parent;
  }
  return false;
}

/** What the checks from `start` up to its function say whatever the name, walked up to the first that reads it. */
function nameFreeChecksAbove(
  start: TSESTree.Node,
  check: Check,
  known: WeakMap<TSESTree.Node, NameFreeChecks>,
): NameFreeChecks {
  const passed: TSESTree.Node[] = [];
  let found: NameFreeChecks = { guarded: false };
  for (let child = start, node = start.parent; node && !isFunctionNode(node); child = node, node = node.parent) {
    const cached = known.get(child);
    if (cached) {
      found = cached;
      break;
    }
    passed.push(child);
    const { guarded, nameRead } = check(node, child);
    if (nameRead) {
      found = { guarded: false, readsName: child };
      break;
    }
    if (guarded) {
      found = { guarded: true };
      break;
    }
  }
  for (const each of passed) known.set(each, found);
  return found;
}

/** Whether the check of `node` guards its `child`: the branch taken when the queue is absent, or after an exit when it exists. */
function guardsFrom(
  node: TSESTree.Node,
  child: TSESTree.Node,
  whenExists: (condition: TSESTree.Node) => Truth,
): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      if (child === node.consequent && whenExists(node.test) === false) return true;
      return child === node.alternate && whenExists(node.test) === true;
    case AST_NODE_TYPES.LogicalExpression:
      // `a && call` runs the call when `a` is truthy, `a || call` when it is falsy.
      return child === node.right && node.operator !== '??' && whenExists(node.left) === (node.operator === '||');
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return precededByExitWhenPresent(node.body, child, whenExists);
    case AST_NODE_TYPES.SwitchCase:
      return precededByExitWhenPresent(node.consequent, child, whenExists);
    default:
      return false;
  }
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
