#!/usr/bin/env node
import { readPackageManifest } from '../packageManifest';
import { DEFAULT_IMPORT_SOURCE } from '../runtimeModule';
import { parseCodemodArguments } from './parseCodemodArguments';
import { DEFAULT_EXTENSIONS } from '../files/readExtensions';
import { formatUsageError } from './readCommandLine';

const USAGE = `Usage: pg-boss-codemod [options] <paths...>

Rewrites bare pg-boss createQueue calls to safeCreateQueue (ensureQueue where the
call's value is used), as the ESLint rule pg-boss/no-bare-create-queue suggests.
Directories are searched recursively; node_modules and files git ignores are skipped.

Options:
  --dry                    print a unified diff of each change; write nothing
  --print                  print each changed file's new text; write nothing
  --add-dependency         add the helpers' package to the dependencies of each
                           package.json whose files import it
  --import-source <module> where the helpers are imported from
                           (default: ${DEFAULT_IMPORT_SOURCE})
  --extensions <list>      file extensions to search (default: ${DEFAULT_EXTENSIONS})
  --cpus <n>               threads for large runs (default: 1)
  --include-type-tests     rewrite type tests too (*.test-d.ts, *.tst.ts, files in
                           test-d/, typetests/, __typetests__/), left alone by default
  -v, --version            print the version
  -h, --help               show this help

Exit code: 0 when every call was rewritten (or there was nothing to do); 1 when a
file or directory failed, a call was left for you (under a TODO(pg-boss-codemod)
comment) or --add-dependency could not add the package; 2 for a usage error. Files
with a syntax error are skipped and reported.`;

async function main(argv: string[]): Promise<number> {
  const command = parseCodemodArguments(argv);
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${readPackageManifest().version}\n`);
    return 0;
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(formatUsageError('pg-boss-codemod', command.message));
    return 2;
  }
  // Only what reads the command line is loaded up front, so `--help`, `--version` and a usage error
  // answer at once; the run loads the rest.
  const { runCodemod } = await import('./runCodemod.js');
  return runCodemod(command.options);
}

// `pg-boss-codemod --dry src | head` closes stdout early: the reader's choice, not a failure. Nothing is
// written to files while stdout is in use (--dry and --print write nothing), so stopping here is safe.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `pg-boss-codemod: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
