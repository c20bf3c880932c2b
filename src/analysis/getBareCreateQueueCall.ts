import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { isPgBossReceiverBySyntax } from './classifyReceiver';
import { getStaticPropertyName } from '../util/getStaticPropertyName';
import { isGuardedByDuplicateHandling } from './isGuardedByDuplicateHandling';
import { isGuardedByExistenceCheck } from './isGuardedByExistenceCheck';
import type { PgBossSettings } from './pgBossSettings';
import type { PgBossTypeOracle } from './pgBossTypeOracle';
import type { SourceFile } from '../util/sourceFile';

/** A `createQueue` call on a pg-boss instance that nothing guards against the queue already existing. */
export interface BareCreateQueueCall {
  readonly call: TSESTree.CallExpression;
  /** `boss` in `boss.createQueue(…)`. */
  readonly receiver: TSESTree.Expression;
  /** The optional chain the call is a link of (`boss?.createQueue(…)`), whose short-circuit a rewrite must keep. */
  readonly chain: TSESTree.ChainExpression | undefined;
}

export interface AnalysisContext {
  readonly source: SourceFile;
  /** Present when the parser has type information; the type then decides what the receiver is. */
  readonly types: PgBossTypeOracle | undefined;
  /** The plugin's shared ESLint settings; the defaults when absent (the codemod has none). */
  readonly settings?: PgBossSettings;
}

/**
 * The one place that decides whether a call is a bare `createQueue` on pg-boss. The rule asks it for
 * every call ESLint visits, the codemod for every call in a file, so both always agree.
 */
export function getBareCreateQueueCall(
  context: AnalysisContext,
  call: TSESTree.CallExpression,
): BareCreateQueueCall | undefined {
  const { callee } = call;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== 'createQueue')
    return undefined;
  const receiver = callee.object;
  if (!isPgBossReceiver(context, receiver)) return undefined;

  const [name] = call.arguments;
  if (name && isGuardedByExistenceCheck(context.source, call, name)) return undefined;
  if (isGuardedByDuplicateHandling(context.source, call)) return undefined;

  return { call, receiver, chain: findEnclosingChain(call) };
}

/** The optional chain whose links lead to the call: `boss?.createQueue(…)`, `boss?.createQueue(…).then(…)`. */
function findEnclosingChain(call: TSESTree.CallExpression): TSESTree.ChainExpression | undefined {
  let node: TSESTree.Node = call;
  while (
    (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) ||
    (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node)
  ) {
    node = node.parent;
  }
  return node.parent?.type === AST_NODE_TYPES.ChainExpression ? node.parent : undefined;
}

function isPgBossReceiver(context: AnalysisContext, receiver: TSESTree.Expression): boolean {
  return context.types?.isPgBoss(receiver) ?? isPgBossReceiverBySyntax(context.source, receiver, context.settings);
}
