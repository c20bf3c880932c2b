#!/usr/bin/env node
import { readPackageManifest } from '../packageManifest';
import { DEFAULT_EXTENSIONS, readExtensions } from '../files/readExtensions';
import { NO_EXTENSIONS, formatUsageError, readCommandLine } from './readCommandLine';

const USAGE = `Usage: pg-boss-queues [options] <paths...>

Lists every pg-boss queue the code under <paths> declares (createQueue, safeCreateQueue,
safeCreateQueues) and uses (send, work, schedule, subscribe, deadLetter, ...), with the
problems between them. Directories are searched recursively; node_modules and files ignored
by git are skipped. Paths in the output are relative to the folder containing all <paths>.

Options:
  --json                   print the inventory as JSON: { queues, problems }
  --options                print each declaration's options under it in the table
  --include-tests          judge test code like production code (by default its declarations
                           count only for the queues test code alone uses)
  --extensions <list>      file extensions to search (default: ${DEFAULT_EXTENSIONS})
  -v, --version            print the version
  -h, --help               show this help

Exit code: 1 when a queue is used but never declared, declared with conflicting options,
or named as an undeclared deadLetter; 0 otherwise; 2 for a usage error. A queue that a
declaration whose name is not a constant could have declared is neither declared nor
undeclared: its verdict is "?" (null in --json), and the summary names that declaration.`;

async function main(argv: string[]): Promise<number> {
  const command = readCommandLine(argv, {
    switches: ['json', 'options', 'include-tests'],
    options: { extensions: DEFAULT_EXTENSIONS },
    noPaths: 'No paths given: name the files or directories to scan.',
  });
  switch (command.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${readPackageManifest().version}\n`);
      return 0;
    case 'usage-error':
      return usageError(command.message);
  }
  const extensions = readExtensions(command.options.extensions);
  if (extensions.size === 0) return usageError(NO_EXTENSIONS);
  // Only what reads the command line is loaded up front, so `--help`, `--version` and a usage error
  // answer at once; the scan loads the rest.
  const { runQueues } = await import('./runQueues.js');
  return runQueues({
    paths: command.paths,
    extensions,
    json: command.switches.has('json'),
    options: command.switches.has('options'),
    includeTests: command.switches.has('include-tests'),
  });
}

function usageError(message: string): number {
  process.stderr.write(formatUsageError('pg-boss-queues', message));
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `pg-boss-queues: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
