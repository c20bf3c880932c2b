import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { BareCreateQueueCall } from '../analysis/getBareCreateQueueCall';
import type { SourceFile } from '../util/sourceFile';
import type { TextEdit } from './textEdit';

/**
 * The edits that turn `boss.createQueue(args)` into `helper(boss, args)`. Only the callee is replaced
 * and the receiver inserted before the first argument, so the arguments, their comments and layout,
 * and whatever surrounds the call (`await`, `return`, `.then`) stay as they were.
 *
 * `boss?.createQueue(args)` becomes `(boss == null ? undefined : helper(boss, args))`, which keeps the
 * short-circuit. That needs the receiver twice, so it is offered only when evaluating the receiver has
 * no side effects and the chain ends at the call; otherwise the result is undefined: no rewrite.
 */
export function planCallRewrite(source: SourceFile, bare: BareCreateQueueCall, helper: string): TextEdit[] | undefined {
  const { call, receiver, chain } = bare;
  const receiverText = receiverAsArgument(source, receiver);
  const openParen = findOpeningParen(source.text, call.callee.range[1]);
  if (openParen === undefined) return undefined;

  if (chain && hasOptionalLink(call)) {
    if (chain.expression !== call || !isSideEffectFree(receiver)) return undefined;
    const argumentsText = source.text.slice(openParen + 1, call.range[1] - 1);
    const separator = call.arguments.length > 0 ? ', ' : '';
    const replacement = `(${receiverText} == null ? undefined : ${helper}(${receiverText}${separator}${argumentsText.trim()}))`;
    return [{ range: chain.range, text: replacement }];
  }

  const calleeEdit: TextEdit = { range: [call.callee.range[0], openParen], text: helper };
  const [first] = call.arguments;
  if (!first) return [calleeEdit, { range: [openParen + 1, openParen + 1], text: receiverText }];
  const gap = source.text.slice(openParen + 1, first.range[0]);
  // Arguments laid out one per line get the receiver on a line of its own, indented like them.
  const separator = gap.includes('\n') ? `,${gap.slice(gap.lastIndexOf('\n'))}` : ', ';
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
