import path from 'node:path';
import type { RunTests } from '@typescript-eslint/rule-tester';
import type { MessageIds } from '../../rules/no-conflicting-queue-options';
import { queueProject } from './queueProjectCases';

/** The fixture monorepo's two declarations of "transcribe" with different options, each naming the other. */
export function conflictingOptionsCases(): { directory: string; cases: RunTests<MessageIds, []> } {
  const { directory, valid, invalid, onDisk } = queueProject();
  const jobQueue = onDisk('packages/api/src/jobQueue.ts');
  // The other declaration's place, relative to ESLint's working directory: RuleTester's is the file system's
  // root when it lints an absolute file name.
  const fromCwd = (file: string) => path.relative(path.parse(directory).root, path.join(directory, file));
  return {
    directory,
    cases: {
      valid: [
        valid('packages/api/src/routes/runs.ts'),
        // The server's declaration removed in the editor, not yet saved: the worker's is the only one.
        valid(
          'packages/api/src/jobQueue.ts',
          jobQueue.replace('    await this.boss.createQueue(TRANSCRIBE_QUEUE);\n', ''),
        ),
        // The same options as the worker's, spelled out: no conflict.
        valid(
          'packages/api/src/jobQueue.ts',
          jobQueue.replace(
            'this.boss.createQueue(TRANSCRIBE_QUEUE)',
            "this.boss.createQueue(TRANSCRIBE_QUEUE, { policy: 'standard', retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 900, deadLetter: 'transcribe-dead-letter' })",
          ),
        ),
      ],
      invalid: [
        invalid<MessageIds>('apps/worker/src/worker.ts', [
          {
            messageId: 'conflictingOptions',
            data: { queue: 'transcribe', elsewhere: `${fromCwd('packages/api/src/jobQueue.ts')}:23:11` },
            line: 20,
            column: 9,
            endLine: 20,
            endColumn: 119,
          },
        ]),
        invalid<MessageIds>('packages/api/src/jobQueue.ts', [
          {
            messageId: 'conflictingOptions',
            data: { queue: 'transcribe', elsewhere: `${fromCwd('apps/worker/src/worker.ts')}:20:9` },
            line: 23,
            column: 11,
            endLine: 23,
            endColumn: 50,
          },
        ]),
      ],
    },
  };
}
