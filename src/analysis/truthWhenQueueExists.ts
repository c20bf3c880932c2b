import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getStaticPropertyName } from '../util/getStaticPropertyName';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { getReturnedExpression } from '../util/getReturnedExpression';
import { isFunctionNode, type FunctionNode } from '../util/isFunctionNode';
import { getSingleAssignedValue, resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';
import { evaluateCondition, type Truth } from './evaluateCondition';

const MAX_DEPTH = 6;

/** Whether an expression of a condition names the queue the guard is for (isSameQueueName with its name). */
export type NamesQueue = (expression: TSESTree.Node) => boolean;

/**
 * What a condition such as `!(await boss.getQueue(name))`, `queue == null`, `!exists` or
 * `queues.some((q) => q.name === name)` is when the queue `name` exists: a guard needs it false on the
 * way to `createQueue`. The queue's name is read only through `namesQueue`.
 */
export function truthWhenQueueExists(
  source: SourceFile,
  condition: TSESTree.Node,
  namesQueue: NamesQueue,
  depth = 0,
): Truth {
  if (depth > MAX_DEPTH) return undefined;
  return evaluateCondition(condition, (leaf) => readLeaf(source, leaf, namesQueue, depth));
}

/** A lookup of the queue is truthy when it exists; `x == null` is the opposite of `x`. */
function readLeaf(source: SourceFile, node: TSESTree.Node, namesQueue: NamesQueue, depth: number): Truth {
  const recurse = (next: TSESTree.Node): Truth => truthWhenQueueExists(source, next, namesQueue, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.BinaryExpression: {
      const other = isNullish(node.right) ? node.left : isNullish(node.left) ? node.right : undefined;
      if (!other) return undefined;
      const present = recurse(other);
      if (node.operator === '===' || node.operator === '==') return present === undefined ? undefined : !present;
      if (node.operator === '!==' || node.operator === '!=') return present;
      return undefined;
    }
    case AST_NODE_TYPES.AwaitExpression:
      return isQueueLookup(node.argument, namesQueue) ? true : undefined;
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveIdentifier(source, node);
      const value = variable && getSingleAssignedValue(variable);
      return value ? recurse(value) : undefined;
    }
    case AST_NODE_TYPES.CallExpression:
      return getCallTruth(source, node, namesQueue, depth);
    default:
      return undefined;
  }
}

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}

/** `boss.getQueue(name)` for the same queue name (the promise; its awaited value is the queue or null). */
function isQueueLookup(node: TSESTree.Node, namesQueue: NamesQueue): boolean {
  const call = skipTransparentWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const [argument] = call.arguments;
  return getStaticPropertyName(call.callee) === 'getQueue' && argument !== undefined && namesQueue(argument);
}

/** `Boolean(x)`, and the list checks over `getQueues()`: `.some(…)`, `.find(…)`, `names.includes(name)`. */
function getCallTruth(source: SourceFile, call: TSESTree.CallExpression, namesQueue: NamesQueue, depth: number): Truth {
  const [argument] = call.arguments;
  if (!argument) return undefined;
  if (call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'Boolean') {
    return truthWhenQueueExists(source, argument, namesQueue, depth + 1);
  }
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticPropertyName(call.callee);
  const list = call.callee.object;
  const found =
    ((method === 'some' || method === 'find') &&
      isQueueList(source, list, depth) &&
      isNameMatcher(argument, namesQueue)) ||
    (method === 'includes' && namesQueue(argument) && isQueueNameList(source, list, depth)) ||
    (method === 'has' && namesQueue(argument) && isQueueNameCollection(source, list, depth));
  return found ? true : undefined;
}

/** `new Set(names)` over queue names, or `new Map(queues.map((q) => [q.name, q]))`, directly or through a variable. */
function isQueueNameCollection(source: SourceFile, node: TSESTree.Node, depth: number): boolean {
  const value = resolveValue(source, node, depth);
  if (value?.type !== AST_NODE_TYPES.NewExpression || value.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const [entries] = value.arguments;
  if (!entries) return false;
  if (value.callee.name === 'Set') return isQueueNameList(source, entries, depth + 1);
  if (value.callee.name !== 'Map') return false;
  return isMappedQueueList(source, entries, depth + 1, returnsEntryKeyedByName);
}

/** `await boss.getQueues()`, directly or through a variable. */
function isQueueList(source: SourceFile, node: TSESTree.Node, depth: number): boolean {
  const value = resolveValue(source, node, depth);
  if (value?.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const call = skipTransparentWrappers(value.argument);
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    getStaticPropertyName(call.callee) === 'getQueues'
  );
}

/** `queues.map((q) => q.name)` over a queue list, directly or through a variable. */
function isQueueNameList(source: SourceFile, node: TSESTree.Node, depth: number): boolean {
  return isMappedQueueList(source, node, depth, returnsNameOfParameter);
}

/** `queues.map(mapper)` over a queue list, directly or through a variable, where `mapper` passes the test. */
function isMappedQueueList(
  source: SourceFile,
  node: TSESTree.Node,
  depth: number,
  isMapper: (mapper: FunctionNode) => boolean,
): boolean {
  const value = resolveValue(source, node, depth);
  if (value?.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression)
    return false;
  const [mapper] = value.arguments;
  return (
    getStaticPropertyName(value.callee) === 'map' &&
    mapper !== undefined &&
    isFunctionNode(mapper) &&
    isQueueList(source, value.callee.object, depth + 1) &&
    isMapper(mapper)
  );
}

function resolveValue(source: SourceFile, node: TSESTree.Node, depth: number): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = skipTransparentWrappers(node);
  for (let step = depth; current?.type === AST_NODE_TYPES.Identifier && step <= MAX_DEPTH; step++) {
    const variable = resolveIdentifier(source, current);
    const value = variable ? getSingleAssignedValue(variable) : undefined;
    current = value && skipTransparentWrappers(value);
  }
  return current;
}

/** Whether `expr` reads the queue's name from the callback's parameter: `q.name`, or `name` from `({ name })`. */
function isNameOfParameter(fn: FunctionNode, expr: TSESTree.Node): boolean {
  const [parameter] = fn.params;
  const node = skipTransparentWrappers(expr);
  if (parameter?.type === AST_NODE_TYPES.Identifier) {
    return (
      node.type === AST_NODE_TYPES.MemberExpression &&
      getStaticPropertyName(node) === 'name' &&
      node.object.type === AST_NODE_TYPES.Identifier &&
      node.object.name === parameter.name
    );
  }
  if (parameter?.type === AST_NODE_TYPES.ObjectPattern && node.type === AST_NODE_TYPES.Identifier) {
    return parameter.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        getPropertyKeyName(property) === 'name' &&
        property.value.type === AST_NODE_TYPES.Identifier &&
        property.value.name === node.name,
    );
  }
  return false;
}

function returnsNameOfParameter(fn: FunctionNode): boolean {
  const returned = getReturnedExpression(fn);
  return returned !== undefined && isNameOfParameter(fn, returned);
}

/** `(q) => [q.name, q]`: the entries of a Map keyed by queue name. */
function returnsEntryKeyedByName(fn: FunctionNode): boolean {
  const returned = getReturnedExpression(fn);
  const key = returned?.type === AST_NODE_TYPES.ArrayExpression ? returned.elements[0] : undefined;
  return key != null && isNameOfParameter(fn, key);
}

/** `(q) => q.name === name` (either side, `==` too). */
function isNameMatcher(callback: TSESTree.Node, namesQueue: NamesQueue): boolean {
  if (!isFunctionNode(callback)) return false;
  const returned = getReturnedExpression(callback);
  if (returned?.type !== AST_NODE_TYPES.BinaryExpression || (returned.operator !== '===' && returned.operator !== '=='))
    return false;
  const { left, right } = returned;
  return (
    (isNameOfParameter(callback, left) && namesQueue(right)) || (isNameOfParameter(callback, right) && namesQueue(left))
  );
}
