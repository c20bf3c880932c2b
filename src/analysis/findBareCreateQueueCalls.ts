import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getBareCreateQueueCall, type AnalysisContext, type BareCreateQueueCall } from './getBareCreateQueueCall';
import { mayContainCreateQueue } from './mayContainCreateQueue';
import { walkNodes } from '../util/walkNodes';

/** Every bare createQueue call of a file, in source order: what the rule reports for it. */
export function findBareCreateQueueCalls(context: AnalysisContext): BareCreateQueueCall[] {
  if (!mayContainCreateQueue(context.source.text)) return [];
  const calls: TSESTree.CallExpression[] = [];
  // The walk links every node to its parent; the analysis of a call may look anywhere in the file,
  // so it runs only once the whole tree is linked.
  walkNodes(context.source.ast, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
  });
  return calls.map((call) => getBareCreateQueueCall(context, call)).filter((bare) => bare !== undefined);
}
