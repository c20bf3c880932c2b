import type { RunTests } from '@typescript-eslint/rule-tester';
import type { MessageIds } from '../../rules/no-undeclared-queue';
import { queueProject } from './queueProjectCases';

/** The fixture monorepo's undeclared queue and dead letter, at each use, and what leaves them alone. */
export function undeclaredQueueCases(): { directory: string; cases: RunTests<MessageIds, []> } {
  const { directory, valid, invalid, onDisk } = queueProject();
  return {
    directory,
    cases: {
      valid: [
        // Declares and works only queues that are declared.
        valid('apps/worker/src/worker.ts'),
        // A queue whose only declarer is this unsaved text: the edit counts before it is saved.
        valid(
          'packages/api/src/routes/runs.ts',
          `${onDisk('packages/api/src/routes/runs.ts')}\nexport const declared = boss.createQueue('weekly_digest');\n`,
        ),
        // A file without any queue method is never scanned for.
        valid('packages/api/src/boss.ts'),
      ],
      invalid: [
        invalid<MessageIds>('packages/api/src/routes/runs.ts', [
          { messageId: 'undeclaredQueue', line: 16, column: 9, endLine: 16, endColumn: 57 },
        ]),
        // CommonJS, the queue name required from the workspace package.
        invalid<MessageIds>('apps/worker/src/digestWorker.cjs', [
          { messageId: 'undeclaredQueue', line: 7, column: 9, endLine: 7, endColumn: 79 },
        ]),
        // The dead letter is reported at the declaration whose options name it.
        invalid<MessageIds>('packages/queues/src/index.ts', [
          { messageId: 'undeclaredDeadLetter', line: 40, column: 11, endLine: 40, endColumn: 64 },
        ]),
        // Unsaved text: a new queue nobody declares is reported before the file is saved.
        invalid<MessageIds>(
          'packages/api/src/routes/runs.ts',
          [
            { messageId: 'undeclaredQueue', line: 16, column: 9 },
            { messageId: 'undeclaredQueue', line: 20, column: 3 },
          ],
          `${onDisk('packages/api/src/routes/runs.ts')}\nexport const payroll = () =>\n  boss.send('payroll', {});\n`,
        ),
      ],
    },
  };
}
