import fs from 'node:fs';
import { parseArgs } from 'node:util';

/** The flags a command takes (names without dashes): boolean switches, and options with a value and its default. */
export interface CommandLineSpec<Switch extends string, Option extends string> {
  readonly switches: readonly Switch[];
  readonly options: Readonly<Record<Option, string>>;
  /** The usage error for a command line that names no path. */
  readonly noPaths: string;
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
 * Reads a command line with `node:util`'s `parseArgs`, in our own words (`-h/--help` and `-v/--version`
 * for every command). An option takes its value from the next argument or after `=`, whatever it looks
 * like (so `--cpus -1` is a bad thread count, not an unknown option); `--` ends the flags. Flags are read
 * in order: the first unknown one, or `--help`/`--version`, decides.
 */
export function readCommandLine<Switch extends string, Option extends string>(
  argv: readonly string[],
  spec: CommandLineSpec<Switch, Option>,
): CommandLine<Switch, Option> {
  const switches = new Set<Switch>();
  const options: Record<Option, string> = { ...spec.options };
  const isSwitch = (name: string): name is Switch => (spec.switches as readonly string[]).includes(name);
  const isOption = (name: string): name is Option => Object.hasOwn(spec.options, name);
  const { tokens } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      ...Object.fromEntries(spec.switches.map((name) => [name, { type: 'boolean' as const }])),
      ...Object.fromEntries(Object.keys(spec.options).map((name) => [name, { type: 'string' as const }])),
    },
    allowPositionals: true,
    // Strict mode would stop at the first surprise with Node's own, long wording; the tokens let us say it.
    strict: false,
    tokens: true,
  });
  const paths: string[] = [];
  const takenAsValue: Array<{ flag: string; value: string }> = [];
  for (const token of tokens) {
    if (token.kind === 'positional') paths.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, rawName, value, inlineValue } = token;
    if (name === 'help') return { kind: 'help' };
    if (name === 'version') return { kind: 'version' };
    if (isSwitch(name)) {
      if (value !== undefined) return usageError(`${rawName} takes no value.`);
      switches.add(name);
    } else if (isOption(name)) {
      if (value === undefined) return usageError(`${rawName} needs a value.`);
      options[name] = value;
      if (!inlineValue) takenAsValue.push({ flag: rawName, value });
    } else return usageError(`Unknown option ${rawName}.`);
  }
  if (paths.length === 0) {
    // `--extensions src`: the option took the path the user meant to give; say so rather than "no paths".
    const swallowed = takenAsValue.findLast(({ value }) => fs.existsSync(value));
    return usageError(
      swallowed
        ? `No paths given: '${swallowed.value}' was read as the value of ${swallowed.flag}; give the value first, then the paths.`
        : spec.noPaths,
    );
  }
  return { kind: 'run', switches, options, paths };
}

function usageError(message: string): { kind: 'usage-error'; message: string } {
  return { kind: 'usage-error', message };
}

/** What both CLIs print for a usage error: one line naming the program and the problem, one pointing to --help. */
export function formatUsageError(program: string, message: string): string {
  return `${program}: ${message}\nRun ${program} --help for the options.\n`;
}

/** What both CLIs say when `--extensions` names none. */
export const NO_EXTENSIONS = '--extensions must list at least one file extension, e.g. --extensions ts,js.';
