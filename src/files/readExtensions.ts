/** The extensions both CLIs and the project rules search by default: every JavaScript and TypeScript module kind. */
export const DEFAULT_EXTENSIONS = 'js,jsx,mjs,cjs,ts,tsx,mts,cts';

/** `--extensions ts,.js, mts` as a set of bare extensions; empty when the list names none. */
export function readExtensions(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split(',')
      .map((extension) => extension.trim().replace(/^\./, ''))
      .filter(Boolean),
  );
}
