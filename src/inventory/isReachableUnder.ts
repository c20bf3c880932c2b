import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { evaluateStatic } from './evaluateStatic';
import type { ProjectModules } from './projectModules';
import {
  isOpaque,
  NO_BINDINGS,
  NotStaticError,
  type Bindings,
  type EvaluationScope,
  type StaticValue,
} from './staticValue';

/**
 * Per scan (its modules) and pass (its bindings), whether each node passed on the way up runs under that
 * pass, so that the tests above a call are read once per file and pass, not once per call below them:
 * in a chain of 1,500 `else if`s, the last call's walk would read every test before it again.
 */
const reachability = new WeakMap<ProjectModules, WeakMap<Bindings, WeakMap<TSESTree.Node, boolean>>>();

/**
 * Whether `node` runs under the bindings of one pass of the loops around it: a branch whose condition
 * the pass decides (`if (registration.name === 'probe_scenario')`, `case QueueName.email:`), or code after
 * an early `continue`/`return` the pass takes, does not. A condition that is not static leaves the code
 * reachable: only what the pass proves is pruned.
 */
export function isReachableUnder(scope: EvaluationScope, node: TSESTree.Node): boolean {
  let pass = scope;
  let known = knownReachability(pass);
  // Where the bound variables are declared: above all of them no test can read one, so the walk goes on
  // as code outside any loop, whose answers every pass shares (each pass has bindings of its own).
  const declaredIn = new Set([...scope.bindings.keys()].map((variable) => variable.scope.block as TSESTree.Node));
  // The nodes walked past before the answer is found share it: each sits below every test read.
  const passed: TSESTree.Node[] = [];
  let reachable = true;
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (declaredIn.delete(child) && declaredIn.size === 0) {
      pass = { ...scope, bindings: NO_BINDINGS };
      known = knownReachability(pass);
    }
    const cached = known.get(child);
    if (cached !== undefined) {
      reachable = cached;
      break;
    }
    passed.push(child);
    if (!isEnteredFrom(pass, parent, child)) {
      reachable = false;
      break;
    }
  }
  for (const each of passed) known.set(each, reachable);
  return reachable;
}

function knownReachability({ modules, bindings }: EvaluationScope): WeakMap<TSESTree.Node, boolean> {
  let byBindings = reachability.get(modules);
  if (!byBindings) reachability.set(modules, (byBindings = new WeakMap()));
  let known = byBindings.get(bindings);
  if (!known) byBindings.set(bindings, (known = new WeakMap()));
  return known;
}

/** Whether the pass can go from `parent` into its `child`. */
function isEnteredFrom(scope: EvaluationScope, parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression: {
      if (child === parent.test) return true;
      const test = truthOf(scope, parent.test);
      return test !== (child === parent.consequent ? false : true);
    }
    case AST_NODE_TYPES.LogicalExpression: {
      if (child !== parent.right || parent.operator === '??') return true;
      const left = truthOf(scope, parent.left);
      return left !== (parent.operator === '&&' ? false : true);
    }
    case AST_NODE_TYPES.SwitchCase:
      return isCaseTaken(scope, parent) && !exitsBefore(scope, parent.consequent, child);
    case AST_NODE_TYPES.BlockStatement:
      return !exitsBefore(scope, parent.body, child);
    default:
      return true;
  }
}

/** The boolean a condition has under the pass, or undefined when it is not static. */
function truthOf(scope: EvaluationScope, test: TSESTree.Node): boolean | undefined {
  const value = tryEvaluate(scope, test);
  return value === NOT_STATIC || isOpaque(value as StaticValue) ? undefined : Boolean(value);
}

const NOT_STATIC = Symbol('not static');

function tryEvaluate(scope: EvaluationScope, node: TSESTree.Node): StaticValue | typeof NOT_STATIC {
  try {
    return evaluateStatic(scope, node);
  } catch (error) {
    if (error instanceof NotStaticError) return NOT_STATIC;
    throw error;
  }
}

/**
 * Whether the pass can enter `switchCase`: false only when the discriminant and the tests of this case
 * and of the empty cases that fall into it are all static and none matches. `default` is left reachable.
 */
function isCaseTaken(scope: EvaluationScope, switchCase: TSESTree.SwitchCase): boolean {
  const statement = switchCase.parent;
  const discriminant = tryEvaluate(scope, statement.discriminant);
  if (discriminant === NOT_STATIC) return true;
  const index = statement.cases.indexOf(switchCase);
  let first = index;
  while (first > 0 && statement.cases[first - 1]!.consequent.length === 0) first--;
  for (const entering of statement.cases.slice(first, index + 1)) {
    if (!entering.test) return true;
    const test = tryEvaluate(scope, entering.test);
    if (test === NOT_STATIC || test === discriminant) return true;
  }
  return false;
}

/** Whether a statement before `child` in `statements` leaves the block in this pass: `if (…) continue;`. */
function exitsBefore(scope: EvaluationScope, statements: readonly TSESTree.Node[], child: TSESTree.Node): boolean {
  for (const statement of statements) {
    if (statement === child) return false;
    if (isExit(statement)) return true;
    if (statement.type === AST_NODE_TYPES.IfStatement) {
      // The test is read only when a branch leaves the block: most `if`s above a call do not.
      const exitsWhenTrue = isExit(statement.consequent);
      const exitsWhenFalse = statement.alternate != null && isExit(statement.alternate);
      if (!exitsWhenTrue && !exitsWhenFalse) continue;
      const test = truthOf(scope, statement.test);
      if ((test === true && exitsWhenTrue) || (test === false && exitsWhenFalse)) return true;
    }
  }
  return false;
}

function isExit(statement: TSESTree.Node): boolean {
  if (statement.type === AST_NODE_TYPES.BlockStatement)
    return statement.body.length > 0 && isExit(statement.body.at(-1)!);
  return (
    statement.type === AST_NODE_TYPES.ContinueStatement ||
    statement.type === AST_NODE_TYPES.ReturnStatement ||
    statement.type === AST_NODE_TYPES.BreakStatement ||
    statement.type === AST_NODE_TYPES.ThrowStatement
  );
}
