import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getStaticPropertyName, getStaticString } from '../util/getStaticPropertyName';
import { getSingleAssignedValue, isFunctionNode, resolveIdentifier, resolveLocalFunction } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';
import { walkNodes } from '../util/walkNodes';

type Variable = TSESLint.Scope.Variable;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** PostgreSQL's unique_violation: what pg-boss 10.0.0–10.1.4 databases throw for an existing queue. */
const UNIQUE_VIOLATION = '23505';
const DUPLICATE_MESSAGE = /already exists|duplicate key/i;
/** Predicates in the same file are followed this deep (`isDuplicate(e)` calling `isPgError(e, '23505')`). */
const MAX_PREDICATE_DEPTH = 2;

/**
 * Whether a rejection of the call reaches a handler that recognises the duplicate-queue error:
 * `try { await call } catch (e) { … }` without a function boundary in between (or an awaited
 * `Promise.all` over a `map` that returns the call), or `call.catch(handler)`.
 * A handler recognises it by comparing the error's `code` with '23505' (directly, through a constant,
 * destructuring, a cast, `switch`, or a predicate function in this file), or by matching the message
 * ('already exists', 'duplicate key') and rethrowing the rest. A handler that only logs would also
 * swallow connection errors, so it does not count.
 */
export function isGuardedByDuplicateHandling(source: SourceFile, call: TSESTree.Node): boolean {
  const outer = call.parent?.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
  const handler = getCatchHandler(outer);
  if (handler) {
    const fn = resolveLocalFunction(source, handler);
    return fn !== undefined && functionRecognisesDuplicate(source, fn, 0);
  }
  const awaited = findAwait(outer);
  const catchClause = awaited && findEnclosingCatch(awaited);
  return (
    catchClause != null &&
    catchClause.param != null &&
    bodyRecognisesDuplicate(source, catchClause.body, catchClause.param, 0)
  );
}

/** `call.catch(handler)` → handler. */
function getCatchHandler(node: TSESTree.Node): TSESTree.Node | undefined {
  const member = node.parent;
  if (
    member?.type !== AST_NODE_TYPES.MemberExpression ||
    member.object !== node ||
    getStaticPropertyName(member) !== 'catch'
  )
    return undefined;
  const catchCall = member.parent;
  return catchCall?.type === AST_NODE_TYPES.CallExpression && catchCall.callee === member
    ? catchCall.arguments[0]
    : undefined;
}

/**
 * The `await` that receives the call's rejection: `await call`, or `await Promise.all(list.map((x) => call))`,
 * whose rejection is the first of its calls'. A call merely started in a callback (`forEach`) has none.
 */
function findAwait(node: TSESTree.Node): TSESTree.AwaitExpression | undefined {
  let current = node;
  while (current.parent && skipTransparentWrappers(current.parent) === current) current = current.parent;
  const combined = findPromiseCombinator(current);
  if (combined) return findAwait(combined);
  return current.parent?.type === AST_NODE_TYPES.AwaitExpression ? current.parent : undefined;
}

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);

/** `Promise.all(list.map((x) => call))` when `node` is the call the mapper returns. */
function findPromiseCombinator(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const mapper = node.parent;
  if (mapper?.type !== AST_NODE_TYPES.ArrowFunctionExpression || mapper.body !== node) return undefined;
  const map = mapper.parent;
  if (
    map?.type !== AST_NODE_TYPES.CallExpression ||
    map.arguments[0] !== mapper ||
    map.callee.type !== AST_NODE_TYPES.MemberExpression
  )
    return undefined;
  if (getStaticPropertyName(map.callee) !== 'map') return undefined;
  const combinator = map.parent;
  if (
    combinator?.type !== AST_NODE_TYPES.CallExpression ||
    combinator.arguments[0] !== map ||
    combinator.callee.type !== AST_NODE_TYPES.MemberExpression
  )
    return undefined;
  const { object } = combinator.callee;
  const isPromise = object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise';
  return isPromise && PROMISE_COMBINATORS.has(getStaticPropertyName(combinator.callee) ?? '') ? combinator : undefined;
}

function findEnclosingCatch(node: TSESTree.Node): TSESTree.CatchClause | null | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && child === current.block) return current.handler;
  }
  return undefined;
}

function functionRecognisesDuplicate(source: SourceFile, fn: FunctionNode, depth: number): boolean {
  const [parameter] = fn.params;
  return parameter !== undefined && bodyRecognisesDuplicate(source, fn.body, parameter, depth);
}

/** Whether `body` checks the error bound by `parameter` for the duplicate-queue error. */
function bodyRecognisesDuplicate(
  source: SourceFile,
  body: TSESTree.Node,
  parameter: TSESTree.Parameter,
  depth: number,
): boolean {
  const errorVariables = new Set<Variable>();
  const codeVariables = new Set<Variable>();
  bindErrorPattern(source, parameter, errorVariables, codeVariables);

  const isError = (node: TSESTree.Node): boolean => {
    const expression = skipTransparentWrappers(node);
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = resolveIdentifier(source, expression);
    if (!variable) return false;
    if (errorVariables.has(variable)) return true;
    const value = getSingleAssignedValue(variable);
    return value !== undefined && isError(value);
  };
  const isCode = (node: TSESTree.Node): boolean => {
    const expression = skipTransparentWrappers(node);
    if (expression.type === AST_NODE_TYPES.MemberExpression)
      return getStaticPropertyName(expression) === 'code' && isError(expression.object);
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = resolveIdentifier(source, expression);
    if (!variable) return false;
    if (codeVariables.has(variable) || isDestructuredCode(variable, isError)) return true;
    const value = getSingleAssignedValue(variable);
    return value !== undefined && isCode(value);
  };

  let comparesCode = false;
  let matchesMessage = false;
  let rethrows = false;
  walkNodes(body, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.BinaryExpression:
        if (['===', '==', '!==', '!='].includes(node.operator)) {
          comparesCode ||=
            (isCode(node.left) && isUniqueViolation(source, node.right)) ||
            (isCode(node.right) && isUniqueViolation(source, node.left));
        }
        break;
      case AST_NODE_TYPES.SwitchStatement:
        comparesCode ||=
          isCode(node.discriminant) &&
          node.cases.some((branch) => branch.test != null && isUniqueViolation(source, branch.test));
        break;
      case AST_NODE_TYPES.CallExpression:
        comparesCode ||= depth < MAX_PREDICATE_DEPTH && isDuplicatePredicateCall(source, node, isError, depth);
        break;
      case AST_NODE_TYPES.Literal:
        matchesMessage ||=
          (typeof node.value === 'string' && DUPLICATE_MESSAGE.test(node.value)) ||
          ('regex' in node && DUPLICATE_MESSAGE.test(node.regex.pattern));
        break;
      case AST_NODE_TYPES.ThrowStatement:
        rethrows = true;
        break;
      default:
        break;
    }
  });
  return comparesCode || (matchesMessage && rethrows);
}

/** Records the variables a catch or handler parameter binds: `e`, or `code` from `({ code })`. */
function bindErrorPattern(
  source: SourceFile,
  parameter: TSESTree.Node,
  errorVariables: Set<Variable>,
  codeVariables: Set<Variable>,
): void {
  const target = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveIdentifier(source, target);
    if (variable) errorVariables.add(variable);
  } else if (target.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of target.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : getStaticString(property.key);
      const variable = key === 'code' ? resolveIdentifier(source, property.value) : null;
      if (variable) codeVariables.add(variable);
    }
  }
}

/** `const { code } = err`. */
function isDestructuredCode(variable: Variable, isError: (node: TSESTree.Node) => boolean): boolean {
  return variable.defs.some((def) => {
    if (
      def.node.type !== AST_NODE_TYPES.VariableDeclarator ||
      def.node.id.type !== AST_NODE_TYPES.ObjectPattern ||
      !def.node.init
    )
      return false;
    if (!isError(def.node.init)) return false;
    return def.node.id.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        property.value === def.name &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === 'code',
    );
  });
}

/** '23505', or a constant holding it. */
function isUniqueViolation(source: SourceFile, node: TSESTree.Node): boolean {
  const expression = skipTransparentWrappers(node);
  if (getStaticString(expression) === UNIQUE_VIOLATION) return true;
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(source, expression);
  const value = variable ? getSingleAssignedValue(variable) : undefined;
  return value !== undefined && getStaticString(skipTransparentWrappers(value)) === UNIQUE_VIOLATION;
}

/** `isUniqueViolation(err)`: a function of this file that recognises the duplicate error in the argument it gets. */
function isDuplicatePredicateCall(
  source: SourceFile,
  call: TSESTree.CallExpression,
  isError: (node: TSESTree.Node) => boolean,
  depth: number,
): boolean {
  const index = call.arguments.findIndex((argument) => isError(argument));
  if (index < 0) return false;
  const fn = resolveLocalFunction(source, call.callee);
  const parameter = fn?.params[index];
  return fn !== undefined && parameter !== undefined && bodyRecognisesDuplicate(source, fn.body, parameter, depth + 1);
}
