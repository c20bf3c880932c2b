import type { BareCreateQueueCall } from '../analysis/getBareCreateQueueCall';
import type { SourceFile } from '../util/sourceFile';
import { planCallRewrite } from './planCallRewrite';
import type { HelperImport } from './planHelperImport';
import type { TextEdit } from './textEdit';

export interface SafeCreateQueueRewrite {
  /** The edits for every rewritable call plus, when needed, the one import; empty when none is rewritable. */
  readonly edits: TextEdit[];
  /** Calls whose rewrite would change behaviour (see planCallRewrite); they stay as they are. */
  readonly unrewritable: BareCreateQueueCall[];
}

/**
 * The rewrite to `safeCreateQueue(receiver, …args)`, given how the file reaches the helper
 * (planHelperImport, planned once per file). The rule's suggestion asks it for one call, the codemod
 * for all calls of a file; both get the same import and the same call text.
 */
export function planSafeCreateQueueRewrite(
  source: SourceFile,
  calls: readonly BareCreateQueueCall[],
  helper: HelperImport,
): SafeCreateQueueRewrite {
  const edits: TextEdit[] = [];
  const unrewritable: BareCreateQueueCall[] = [];
  for (const bare of calls) {
    const callEdits = planCallRewrite(source, bare, helper.reference);
    if (callEdits) edits.push(...callEdits);
    else unrewritable.push(bare);
  }
  if (edits.length > 0 && helper.edit) edits.push(helper.edit);
  return { edits, unrewritable };
}
