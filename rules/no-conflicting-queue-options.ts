import type { ProblemKind } from '../src/inventory/queueInventory';
import { findProblemsInLintedFile } from '../src/project/findProblemsInLintedFile';
import { createRule } from '../src/util/createRule';

export type Options = [];
export type MessageIds = 'conflictingOptions';

const KINDS: ReadonlySet<ProblemKind> = new Set(['conflicting-options']);

export default createRule<Options, MessageIds>({
  name: 'no-conflicting-queue-options',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow declaring a pg-boss queue with options that differ from its declaration elsewhere',
      projectWide: true,
      requiresTypeChecking: false,
    },
    messages: {
      conflictingOptions:
        'Queue "{{queue}}" is also declared with other options at {{elsewhere}}: the first process to start decides its policy. Declare it once.',
    },
    schema: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const { queue, report, elsewhere } of findProblemsInLintedFile(context, KINDS))
          context.report({
            ...report,
            messageId: 'conflictingOptions',
            data: { queue, elsewhere: elsewhere.join(', ') },
          });
      },
    };
  },
});
