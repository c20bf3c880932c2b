import { DEFAULT_IMPORT_SOURCE } from '../runtimeModule';

export const DEFAULT_EXTENSIONS = 'js,jsx,mjs,cjs,ts,tsx,mts,cts';

/** What a valid command line asks for. */
export interface CodemodOptions {
  readonly paths: readonly string[];
  /** Print a unified diff of each change; write nothing. */
  readonly dry: boolean;
  /** Print each changed file's new text; write nothing. */
  readonly print: boolean;
  /** Add the helper's package to the `dependencies` of each package.json that lacks it. */
  readonly addDependency: boolean;
  readonly importSource: string;
  readonly extensions: ReadonlySet<string>;
  readonly cpus: number;
}

export type CodemodCommand =
  | { readonly kind: 'run'; readonly options: CodemodOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  /** A usage error, in one sentence that names the flag and what it needs. */
  | { readonly kind: 'usage-error'; readonly message: string };

const BOOLEAN_FLAGS = { '--dry': 'dry', '--print': 'print', '--add-dependency': 'addDependency' } as const;
const VALUE_FLAGS = ['--import-source', '--extensions', '--cpus'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/**
 * Reads the command line. Flags take their value from the next argument or after `=`, whatever it
 * looks like (so `--cpus -1` is a bad thread count, not an unknown option); `--` ends the flags.
 */
export function parseCodemodArguments(argv: readonly string[]): CodemodCommand {
  const flags = { dry: false, print: false, addDependency: false };
  const values: Record<ValueFlag, string> = {
    '--import-source': DEFAULT_IMPORT_SOURCE,
    '--extensions': DEFAULT_EXTENSIONS,
    '--cpus': '1',
  };
  const paths: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') {
      paths.push(...argv.slice(index + 1));
      break;
    }
    if (argument === '-h' || argument === '--help') return { kind: 'help' };
    if (argument === '-v' || argument === '--version') return { kind: 'version' };
    if (!argument.startsWith('-') || argument === '-') {
      paths.push(argument);
      continue;
    }
    if (argument in BOOLEAN_FLAGS) {
      flags[BOOLEAN_FLAGS[argument as keyof typeof BOOLEAN_FLAGS]] = true;
      continue;
    }
    const [name, inline] = splitInlineValue(argument);
    if (!isValueFlag(name)) return usageError(`Unknown option ${name}.`);
    const value = inline ?? argv[++index];
    if (value === undefined) return usageError(`${name} needs a value.`);
    values[name] = value;
  }

  const cpus = values['--cpus'];
  if (!/^\d+$/.test(cpus) || Number(cpus) < 1)
    return usageError(`--cpus must be a whole number of worker threads, 1 or more (got '${cpus}').`);
  const importSource = values['--import-source'].trim();
  if (importSource === '') return usageError(`--import-source must name the module to import the helpers from.`);
  const extensions = new Set(
    values['--extensions']
      .split(',')
      .map((extension) => extension.trim().replace(/^\./, ''))
      .filter(Boolean),
  );
  if (extensions.size === 0)
    return usageError(`--extensions must list at least one file extension, e.g. --extensions ts,js.`);
  if (paths.length === 0) return usageError('No paths given: name the files or directories to rewrite.');
  return {
    kind: 'run',
    options: { paths, ...flags, importSource, extensions, cpus: Number(cpus) },
  };
}

function splitInlineValue(argument: string): [string, string | undefined] {
  const equals = argument.indexOf('=');
  return equals === -1 ? [argument, undefined] : [argument.slice(0, equals), argument.slice(equals + 1)];
}

function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name);
}

function usageError(message: string): CodemodCommand {
  return { kind: 'usage-error', message };
}
