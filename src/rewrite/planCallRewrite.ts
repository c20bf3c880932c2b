import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { BareCreateQueueCall } from '../analysis/getBareCreateQueueCall';
import type { SourceFile } from '../util/sourceFile';
import type { TextEdit } from './textEdit';

/**
 * Why a call cannot be rewritten without changing what it does, or undefined when it can. An optional
 * call keeps its short-circuit only by reading its receiver twice (see planCallRewrite), which needs a
 * receiver without side effects.
 */
export function findRewriteObstacle(source: SourceFile, bare: BareCreateQueueCall): string | undefined {
  const { call, receiver, chain } = bare;
  if (findOpeningParen(source.text, call.callee.range[1]) === undefined)
    return 'type arguments or comments of an unusual shape sit between createQueue and its arguments; rewrite it by hand.';
  if (!chain || !hasOptionalLink(call)) return undefined;
  if (!isSideEffectFree(receiver))
    return 'a rewrite of this optional call would evaluate its receiver twice; store the receiver in a variable first.';
  return undefined;
}

/**
 * The edits that turn `boss.createQueue(args)` into `helper(boss, args)`, for a call without a
 * rewrite obstacle. Only the callee is replaced and the receiver inserted before the first argument,
 * so the arguments, their comments and layout, and whatever surrounds the call (`await`, `return`,
 * `.then`) stay as they were.
 *
 * An optional call keeps its short-circuit: `boss?.createQueue(args)` becomes
 * `(boss == null ? undefined : helper(boss, args))`, and `boss.createQueue?.(args)`, which runs nothing
 * when the method is missing, becomes `(boss.createQueue == null ? undefined : helper(boss, args))`.
 * A chain that goes on (`boss?.createQueue(args).then(next)`) goes inside the condition with the call,
 * since the short-circuit skipped all of it: `(boss == null ? undefined : helper(boss, args).then(next))`.
 */
export function planCallRewrite(source: SourceFile, bare: BareCreateQueueCall, helper: string): TextEdit[] {
  const { call, receiver, chain } = bare;
  const receiverText = receiverAsArgument(source, receiver);
  const openParen = findOpeningParen(source.text, call.callee.range[1])!;

  if (chain && hasOptionalLink(call)) {
    const tested = call.optional ? source.text.slice(call.callee.range[0], call.callee.range[1]) : receiverText;
    const argumentsText = source.text.slice(openParen + 1, call.range[1] - 1);
    const separator = call.arguments.length > 0 ? ', ' : '';
    const rest = source.text.slice(call.range[1], chain.range[1]);
    const replacement = `(${tested} == null ? undefined : ${helper}(${receiverText}${separator}${argumentsText.trim()})${rest})`;
    return [{ range: chain.range, text: replacement }];
  }

  const calleeEdit: TextEdit = { range: [call.callee.range[0], openParen], text: helper };
  const [first] = call.arguments;
  if (!first) return [calleeEdit, { range: [openParen + 1, openParen + 1], text: receiverText }];
  const gap = source.text.slice(openParen + 1, first.range[0]);
  // Arguments laid out one per line get the receiver on a line of its own, indented like them.
  // The last line break with its `\r`, so a CRLF file keeps CRLF.
  const lastLine = /\r?\n[^\n]*$/.exec(gap);
  const separator = lastLine ? `,${lastLine[0]}` : ', ';
  return [calleeEdit, { range: [first.range[0], first.range[0]], text: `${receiverText}${separator}` }];
}

function receiverAsArgument(source: SourceFile, receiver: TSESTree.Expression): string {
  const text = source.text.slice(receiver.range[0], receiver.range[1]);
  return receiver.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

/** Whether some member access or call between the chain's start and this call is optional (`?.`). */
function hasOptionalLink(call: TSESTree.CallExpression): boolean {
  for (let node: TSESTree.Node = call; ;) {
    if ((node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.CallExpression) && node.optional)
      return true;
    if (node.type === AST_NODE_TYPES.MemberExpression) node = node.object;
    else if (node.type === AST_NODE_TYPES.CallExpression) node = node.callee;
    else if (node.type === AST_NODE_TYPES.TSNonNullExpression) node = node.expression;
    else return false;
  }
}

/** Names, `this` and property reads of them: reading them twice is the same as reading them once. */
function isSideEffectFree(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return (!node.computed || node.property.type === AST_NODE_TYPES.Literal) && isSideEffectFree(node.object);
    case AST_NODE_TYPES.TSNonNullExpression:
      return isSideEffectFree(node.expression);
    default:
      return false;
  }
}

/** The offset of the `(` that opens the argument list, past whitespace, comments and `?.`. */
function findOpeningParen(text: string, from: number): number | undefined {
  let index = from;
  while (index < text.length) {
    const rest = text.slice(index, index + 2);
    if (text[index] === '(') return index;
    if (/\s/.test(text[index]!)) index++;
    else if (rest === '?.') index += 2;
    else if (rest === '//') index = text.indexOf('\n', index) === -1 ? text.length : text.indexOf('\n', index);
    else if (rest === '/*') index = text.indexOf('*/', index) + 2;
    else return undefined;
  }
  return undefined;
}
