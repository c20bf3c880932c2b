import type { BareCreateQueueCall } from '../analysis/getBareCreateQueueCall';
import type { SourceFile } from '../util/sourceFile';
import { chooseHelper } from './chooseHelper';
import { findReceiverTypeGap, type ReceiverTypeGap } from './findReceiverTypeGap';
import { findRewriteObstacle, planCallRewrite } from './planCallRewrite';
import { planHelperImport, type HelperName } from './planHelperImport';
import type { TextEdit } from './textEdit';

/** A bare call the rewrite leaves as it is, and why, in words for the TODO comment above it. */
export interface UnrewritableCall {
  readonly bare: BareCreateQueueCall;
  readonly reason: string;
}

/** A bare call the rewrite changes, and the helper it calls instead. */
export interface RewrittenCall {
  readonly bare: BareCreateQueueCall;
  readonly helper: HelperName;
}

export interface SafeCreateQueueRewrite {
  /** The edits for every rewritable call plus, when needed, the one import; empty when none is rewritable. */
  readonly edits: TextEdit[];
  readonly rewritten: RewrittenCall[];
  /** Calls whose rewrite would change behaviour or fail to type-check; they stay as they are. */
  readonly unrewritable: UnrewritableCall[];
}

/** Long receivers and types are cut in the one-line TODO comment. */
const MAX_QUOTED_LENGTH = 80;

/**
 * The rewrite of bare calls to the runtime's helpers, the one decision the rule's suggestion (one call)
 * and the codemod (every call of a file) share. Where the call's value is discarded it becomes
 * `safeCreateQueue(receiver, …args)`; where it is read (assigned, returned, passed, chained) it becomes
 * `ensureQueue(receiver, …args)`, which has createQueue's own `Promise<void>` type, so the code around
 * it still type-checks. A receiver whose declared type lacks the helpers' methods is left alone.
 */
export function planSafeCreateQueueRewrite(
  source: SourceFile,
  calls: readonly BareCreateQueueCall[],
  importSource: string,
): SafeCreateQueueRewrite {
  const unrewritable: UnrewritableCall[] = [];
  const planned: RewrittenCall[] = [];
  for (const bare of calls) {
    const gap = findReceiverTypeGap(source, bare.receiver);
    const reason = gap ? describeGap(source, bare, gap) : findRewriteObstacle(source, bare);
    if (reason) unrewritable.push({ bare, reason });
    else planned.push({ bare, helper: chooseHelper(bare.call) });
  }
  if (planned.length === 0) return { edits: [], rewritten: planned, unrewritable };
  // Plain loops: the rule plans one call per report, where flatMap and a Set cost more than the plan.
  const helpers: HelperName[] = [];
  for (const { helper } of planned) if (!helpers.includes(helper)) helpers.push(helper);
  const helperImport = planHelperImport(source, importSource, helpers);
  const edits: TextEdit[] = [];
  for (const { bare, helper } of planned)
    edits.push(...planCallRewrite(source, bare, helperImport.references.get(helper)!));
  if (helperImport.edit) edits.push(helperImport.edit);
  return { edits, rewritten: planned, unrewritable };
}

function describeGap(source: SourceFile, bare: BareCreateQueueCall, gap: ReceiverTypeGap): string {
  const receiver = quote(source.text.slice(bare.receiver.range[0], bare.receiver.range[1]));
  const missing = gap.missing.join(', ').replace(/, (?=[^,]*$)/, ' or ');
  return `${receiver} is declared as ${quote(gap.declared)}, which does not guarantee ${missing}: the helpers call them; declare it as a whole pg-boss instance, then rewrite.`;
}

function quote(code: string): string {
  const line = code.replace(/\s+/g, ' ');
  return `\`${line.length > MAX_QUOTED_LENGTH ? `${line.slice(0, MAX_QUOTED_LENGTH - 1)}…` : line}\``;
}
