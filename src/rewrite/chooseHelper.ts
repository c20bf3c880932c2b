import type { TSESTree } from '@typescript-eslint/utils';
import { isResultDiscarded } from './isResultDiscarded';
import type { HelperName } from './planHelperImport';

/**
 * The helper a bare call becomes: `safeCreateQueue` where its value is discarded, `ensureQueue` (the same
 * helper typed `Promise<void>` like `createQueue`) where it is read. The rule's message names it too.
 */
export function chooseHelper(call: TSESTree.CallExpression): HelperName {
  return isResultDiscarded(call) ? 'safeCreateQueue' : 'ensureQueue';
}
