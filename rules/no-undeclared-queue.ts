import type { ProblemKind } from '../src/inventory/queueInventory';
import { findProblemsInLintedFile } from '../src/project/findProblemsInLintedFile';
import { createRule } from '../src/util/createRule';

export type Options = [];
export type MessageIds = 'undeclaredQueue' | 'undeclaredDeadLetter';

const MESSAGE_IDS: Readonly<Partial<Record<ProblemKind, MessageIds>>> = {
  undeclared: 'undeclaredQueue',
  'undeclared-dead-letter': 'undeclaredDeadLetter',
};
const KINDS: ReadonlySet<ProblemKind> = new Set(Object.keys(MESSAGE_IDS) as ProblemKind[]);

export default createRule<Options, MessageIds>({
  name: 'no-undeclared-queue',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow using a pg-boss queue, or naming a dead letter, that the project never declares',
      projectWide: true,
      requiresTypeChecking: false,
    },
    messages: {
      undeclaredQueue:
        'Queue "{{queue}}" is declared nowhere in {{project}}: pg-boss 10 drops its jobs, 11+ throws. Declare it with createQueue.',
      undeclaredDeadLetter:
        'Dead letter "{{queue}}" is declared nowhere in {{project}}: creating this queue fails. Declare "{{queue}}" first.',
    },
    schema: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const { kind, queue, report, project } of findProblemsInLintedFile(context, KINDS))
          context.report({ ...report, messageId: MESSAGE_IDS[kind]!, data: { queue, project } });
      },
    };
  },
});
