/** The flags a command takes: boolean switches, and options with a value and its default. */
export interface CommandLineSpec<Switch extends string, Option extends string> {
  readonly switches: readonly Switch[];
  readonly options: Readonly<Record<Option, string>>;
}

export type CommandLine<Switch extends string, Option extends string> =
  | {
      readonly kind: 'run';
      readonly switches: ReadonlySet<Switch>;
      readonly options: Readonly<Record<Option, string>>;
      readonly paths: readonly string[];
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  /** A usage error, in one sentence that names the flag and what it needs. */
  | { readonly kind: 'usage-error'; readonly message: string };

/**
 * Reads a command line in our own words (`-h/--help` and `-v/--version` for every command). An option
 * takes its value from the next argument or after `=`, whatever it looks like (so `--cpus -1` is a bad
 * thread count, not an unknown option); `--` ends the flags.
 */
export function readCommandLine<Switch extends `--${string}`, Option extends `--${string}`>(
  argv: readonly string[],
  spec: CommandLineSpec<Switch, Option>,
): CommandLine<Switch, Option> {
  const switches = new Set<Switch>();
  const options: Record<Option, string> = { ...spec.options };
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
    if ((spec.switches as readonly string[]).includes(argument)) {
      switches.add(argument as Switch);
      continue;
    }
    const equals = argument.indexOf('=');
    const name = equals === -1 ? argument : argument.slice(0, equals);
    if (!Object.hasOwn(spec.options, name)) return { kind: 'usage-error', message: `Unknown option ${name}.` };
    const value = equals === -1 ? argv[++index] : argument.slice(equals + 1);
    if (value === undefined) return { kind: 'usage-error', message: `${name} needs a value.` };
    options[name as Option] = value;
  }
  return { kind: 'run', switches, options, paths };
}

/** The extensions both CLIs search by default: every JavaScript and TypeScript module kind. */
export const DEFAULT_EXTENSIONS = 'js,jsx,mjs,cjs,ts,tsx,mts,cts';

/** What both CLIs say when `--extensions` names none. */
export const NO_EXTENSIONS = '--extensions must list at least one file extension, e.g. --extensions ts,js.';

/** `--extensions ts,.js, mts` as a set of bare extensions; empty when the list names none. */
export function readExtensions(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split(',')
      .map((extension) => extension.trim().replace(/^\./, ''))
      .filter(Boolean),
  );
}
