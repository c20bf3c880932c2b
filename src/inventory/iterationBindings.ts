import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { getStaticPropertyName } from '../util/getStaticPropertyName';
import { resolveIdentifier } from '../util/scope';
import { evaluateStatic } from './evaluateStatic';
import { NotStaticError, type Bindings, type EvaluationScope, type StaticValue } from './staticValue';

/** Array methods whose callback's first parameter is each element in turn. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'flatMap']);

/** More passes than this (nested loops multiply) are not enumerated: the names stay unresolved. */
const MAX_PASSES = 256;

interface Iteration {
  /** `name` in `for (const name of …)`, `[name, options]` in `.map(([name, options]) => …)`. */
  readonly pattern: TSESTree.Node;
  readonly iterable: TSESTree.Node;
}

/**
 * One set of bindings per pass of the loops around `node`, outermost first: `for (const name of
 * Object.values(QUEUES))` and `QUEUES.map((name) => …)` run the code inside once per element, so a call
 * there declares one queue per element. A loop over something that is not constant binds nothing, and
 * the names that depend on it are reported as unresolved.
 */
export function iterationBindings(scope: EvaluationScope, node: TSESTree.Node): Bindings[] {
  let passes: Bindings[] = [scope.bindings];
  for (const iteration of enclosingIterations(node)) {
    const next: Bindings[] = [];
    for (const bindings of passes) {
      let elements: StaticValue;
      try {
        elements = evaluateStatic({ ...scope, bindings }, iteration.iterable);
      } catch (error) {
        if (error instanceof NotStaticError) {
          next.push(bindings);
          continue;
        }
        throw error;
      }
      if (!Array.isArray(elements)) {
        next.push(bindings);
        continue;
      }
      for (const element of elements as StaticValue[]) {
        const bound = new Map(bindings);
        bindPattern(scope, iteration.pattern, element, bound);
        next.push(bound);
      }
    }
    if (next.length > MAX_PASSES) return [scope.bindings];
    passes = next;
  }
  return passes;
}

/**
 * Per node, the iterations around it, outermost first: the nodes between a call and the loops around it
 * are walked once for all the calls below them, not once per call (the calls of a chain of 1,500 `else
 * if`s each walked every branch above them).
 */
const iterationsAround = new WeakMap<TSESTree.Node, readonly Iteration[]>();
const NO_ITERATIONS: readonly Iteration[] = [];

function enclosingIterations(node: TSESTree.Node): readonly Iteration[] {
  const passed: TSESTree.Node[] = [];
  let around = NO_ITERATIONS;
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const known = iterationsAround.get(current);
    if (known) {
      around = known;
      break;
    }
    passed.push(current);
  }
  // From the outermost node passed down: each has its parent's iterations, and the one its parent runs it in.
  for (let index = passed.length - 1; index >= 0; index--) {
    const child = passed[index]!;
    const iteration = child.parent && iterationOf(child.parent, child);
    if (iteration) around = [...around, iteration];
    iterationsAround.set(child, around);
  }
  return around;
}

/** The iteration `parent` runs `child` in: the body of a `for…of`, or of a callback of `map`, `forEach` or `flatMap`. */
function iterationOf(parent: TSESTree.Node, child: TSESTree.Node): Iteration | undefined {
  if (
    parent.type === AST_NODE_TYPES.ForOfStatement &&
    parent.body === child &&
    parent.left.type === AST_NODE_TYPES.VariableDeclaration &&
    parent.left.declarations.length === 1
  )
    return { pattern: parent.left.declarations[0]!.id, iterable: parent.right };
  const call = parent.parent;
  if (
    (parent.type === AST_NODE_TYPES.ArrowFunctionExpression || parent.type === AST_NODE_TYPES.FunctionExpression) &&
    parent.body === child &&
    parent.params[0] &&
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === parent &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    ELEMENT_CALLBACKS.has(getStaticPropertyName(call.callee) ?? '')
  )
    return { pattern: parent.params[0], iterable: call.callee.object };
  return undefined;
}

/** Binds the variables of `pattern` to the parts of `value` they destructure; parts that do not fit stay unbound. */
export function bindPattern(
  scope: EvaluationScope,
  pattern: TSESTree.Node,
  value: StaticValue,
  bound: Map<TSESLint.Scope.Variable, StaticValue>,
): void {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveIdentifier(scope.source, pattern);
      if (variable) bound.set(variable, value);
      return;
    }
    case AST_NODE_TYPES.ArrayPattern:
      if (!Array.isArray(value)) return;
      pattern.elements.forEach((element, index) => {
        if (element && element.type !== AST_NODE_TYPES.RestElement)
          bindPattern(scope, element, (value as StaticValue[])[index], bound);
      });
      return;
    case AST_NODE_TYPES.ObjectPattern:
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
        if (key !== undefined) bindPattern(scope, property.value, (value as Record<string, StaticValue>)[key], bound);
      }
      return;
    default:
      return;
  }
}
