import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';

/**
 * Whether a condition is truthy under an assumption the analysis makes (the caught error is the
 * duplicate; the queue exists): `true`, `false`, or `undefined` when it depends on something the
 * analysis cannot see (`error instanceof Error`, `ignorable(error)`, a flag).
 */
export type Truth = boolean | undefined;

/**
 * What a leaf of a condition (a comparison, a call, a name) says under the assumption; whatever it does
 * not recognise is `undefined`.
 */
export type LeafReader = (leaf: TSESTree.Node) => Truth;

/**
 * The one place where guards combine what they know (Kleene's three-valued logic): an unknown operand
 * leaves `&&`, `||`, `??` and `?:` unknown unless the known side decides alone (`false && x`,
 * `true || x`), so a test of something else is never taken to hold, nor to fail.
 */
export function evaluateCondition(node: TSESTree.Node, readLeaf: LeafReader): Truth {
  const expression = skipTransparentWrappers(node);
  const evaluate = (operand: TSESTree.Node): Truth => evaluateCondition(operand, readLeaf);
  switch (expression.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return expression.operator === '!' ? not(evaluate(expression.argument)) : readLeaf(expression);
    case AST_NODE_TYPES.LogicalExpression: {
      const left = evaluate(expression.left);
      const right = evaluate(expression.right);
      if (expression.operator === '&&') return and(left, right);
      if (expression.operator === '||') return or(left, right);
      // `a ?? b`: a truthy `a` is its value; a falsy one is too unless it is nullish, when `b` decides.
      if (left === true) return true;
      return left === false && right === false ? false : undefined;
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const test = evaluate(expression.test);
      if (test === true) return evaluate(expression.consequent);
      if (test === false) return evaluate(expression.alternate);
      const consequent = evaluate(expression.consequent);
      return consequent === evaluate(expression.alternate) ? consequent : undefined;
    }
    case AST_NODE_TYPES.SequenceExpression:
      return evaluate(expression.expressions.at(-1)!);
    case AST_NODE_TYPES.Literal: {
      // `true`, `false`, `null`, strings and numbers; a regular expression or bigint is left to the reader.
      const { value } = expression;
      const plain = typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number';
      return plain || expression.raw === 'null' ? Boolean(value) : readLeaf(expression);
    }
    default:
      return readLeaf(expression);
  }
}

function not(value: Truth): Truth {
  return value === undefined ? undefined : !value;
}

function and(left: Truth, right: Truth): Truth {
  if (left === false || right === false) return false;
  return left === true && right === true ? true : undefined;
}

function or(left: Truth, right: Truth): Truth {
  if (left === true || right === true) return true;
  return left === false && right === false ? false : undefined;
}
