import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

/**
 * The function a callee names: `rt_1.f` of `(0, rt_1.f)(…)`, the form TypeScript and Babel compile a call
 * of an imported function to (calling the member without `this`); any other callee as it is.
 */
export function getCalledExpression(callee: TSESTree.Node): TSESTree.Node {
  return callee.type === AST_NODE_TYPES.SequenceExpression ? callee.expressions.at(-1)! : callee;
}
