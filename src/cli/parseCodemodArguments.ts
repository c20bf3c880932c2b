import { DEFAULT_IMPORT_SOURCE } from '../runtimeModule';
import { DEFAULT_EXTENSIONS, readExtensions } from '../files/readExtensions';
import { NO_EXTENSIONS, readCommandLine, type CommandLine } from './readCommandLine';

/** What a valid command line asks for. */
export interface CodemodOptions {
  readonly paths: readonly string[];
  /** Print a unified diff of each change; write nothing. */
  readonly dry: boolean;
  /** Print each changed file's new text; write nothing. */
  readonly print: boolean;
  /** Add the helper's package to the `dependencies` of each package.json that lacks it. */
  readonly addDependency: boolean;
  /** Rewrite type tests (`*.test-d.ts`, `typetests/`…) too, which are left alone by default. */
  readonly includeTypeTests: boolean;
  readonly importSource: string;
  readonly extensions: ReadonlySet<string>;
  /** Threads that rewrite a large run, this one included. */
  readonly cpus: number;
}

export type CodemodCommand =
  { readonly kind: 'run'; readonly options: CodemodOptions } | Exclude<CommandLine<never, never>, { kind: 'run' }>;

const SPEC = {
  switches: ['dry', 'print', 'add-dependency', 'include-type-tests'],
  options: { 'import-source': DEFAULT_IMPORT_SOURCE, extensions: DEFAULT_EXTENSIONS, cpus: '1' },
  noPaths: 'No paths given: name the files or directories to rewrite.',
} as const;

/** Reads the codemod's command line and checks every value, one precise message per bad flag. */
export function parseCodemodArguments(argv: readonly string[]): CodemodCommand {
  const command = readCommandLine(argv, SPEC);
  if (command.kind !== 'run') return command;
  const { switches, options: values, paths } = command;

  const cpus = values.cpus;
  if (!/^\d+$/.test(cpus) || Number(cpus) < 1)
    return usageError(`--cpus must be a whole number of threads, 1 or more (got '${cpus}').`);
  const importSource = values['import-source'].trim();
  if (importSource === '') return usageError(`--import-source must name the module to import the helpers from.`);
  const extensions = readExtensions(values.extensions);
  if (extensions.size === 0) return usageError(NO_EXTENSIONS);
  return {
    kind: 'run',
    options: {
      paths,
      dry: switches.has('dry'),
      print: switches.has('print'),
      addDependency: switches.has('add-dependency'),
      includeTypeTests: switches.has('include-type-tests'),
      importSource,
      extensions,
      cpus: Number(cpus),
    },
  };
}

function usageError(message: string): CodemodCommand {
  return { kind: 'usage-error', message };
}
