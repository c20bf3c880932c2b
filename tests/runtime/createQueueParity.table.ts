import type { Input } from './createQueueParity.inputs';

/** Per version, per input label: whether plain createQueue accepted the input for a queue that did not exist. */
export type AcceptedByVersion = ReadonlyMap<string, ReadonlyMap<string, boolean>>;

/**
 * The tables of docs/runtime.md, as Markdown before formatting: for each option, the values each version's
 * createQueue accepts (the shorter of the two lists: "only" the accepted ones, or "all but" the refused
 * ones); then, for names and options objects, whether each version accepts them.
 */
export function acceptanceTables(inputs: readonly Input[], accepted: AcceptedByVersion): string {
  const versions = [...accepted.keys()];
  const verdict = (version: string, input: Input): boolean => {
    const answer = accepted.get(version)!.get(input.label);
    if (answer === undefined) throw new Error(`No verdict of ${version} on ${input.label}`);
    return answer;
  };
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const header = (first: string): string[] => [row([first, ...versions]), row([first, ...versions].map(() => '---'))];

  const keys = [...new Set(inputs.flatMap((input) => (input.kind.of === 'option' ? [input.kind.key] : [])))];
  const optionRows = keys.map((key) => {
    const values = inputs.filter((input) => input.kind.of === 'option' && input.kind.key === key);
    const cells = versions.map((version) => {
      const shown = (input: Input): string => `\`${input.kind.of === 'option' ? input.kind.shown : input.label}\``;
      const yes = values.filter((input) => verdict(version, input)).map(shown);
      const no = values.filter((input) => !verdict(version, input)).map(shown);
      if (no.length === 0) return 'all';
      if (yes.length === 0) return 'none';
      return yes.length <= no.length ? `only ${yes.join(', ')}` : `all but ${no.join(', ')}`;
    });
    return row([`\`${key}\``, ...cells]);
  });

  const otherRows = inputs
    .filter((input) => input.kind.of !== 'option')
    .map((input) =>
      row([
        input.kind.of === 'name' ? input.label : `options: ${input.label}`,
        ...versions.map((version) => (verdict(version, input) ? 'accepted' : 'refused')),
      ]),
    );

  return [...header('option'), ...optionRows, '', ...header('input'), ...otherRows, ''].join('\n');
}
