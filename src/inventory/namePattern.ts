/**
 * What is known of a queue name that is not a constant: nothing, one of a few names (`cond ? 'a' : 'b'`),
 * or a fixed start and end (`probe_${provider}`). A declaration whose name is unresolved can only have
 * declared the queues its pattern matches, so only those stay undecided.
 */
export type NamePattern =
  | { readonly kind: 'any' }
  | { readonly kind: 'one-of'; readonly names: readonly string[] }
  | { readonly kind: 'affix'; readonly prefix: string; readonly suffix: string };

export const ANY_NAME: NamePattern = { kind: 'any' };

export function matchesName(pattern: NamePattern, name: string): boolean {
  switch (pattern.kind) {
    case 'any':
      return true;
    case 'one-of':
      return pattern.names.includes(name);
    case 'affix':
      return (
        name.length >= pattern.prefix.length + pattern.suffix.length &&
        name.startsWith(pattern.prefix) &&
        name.endsWith(pattern.suffix)
      );
  }
}

/** `probe_*`, `"a" or "b"`, `any name`: how a message names what an unresolved name can be. */
export function describeNamePattern(pattern: NamePattern): string {
  switch (pattern.kind) {
    case 'any':
      return 'any name';
    case 'one-of':
      return pattern.names.map((name) => JSON.stringify(name)).join(' or ');
    case 'affix':
      return JSON.stringify(`${pattern.prefix}*${pattern.suffix}`);
  }
}

/** A pattern matching every name either matches (never fewer). */
export function unitePatterns(a: NamePattern, b: NamePattern): NamePattern {
  if (a.kind === 'any' || b.kind === 'any') return ANY_NAME;
  if (a.kind === 'one-of' && b.kind === 'one-of')
    return { kind: 'one-of', names: [...new Set([...a.names, ...b.names])] };
  const affixes = [a, b].flatMap((pattern) =>
    pattern.kind === 'affix' ? [pattern] : pattern.names.map((name) => ({ prefix: name, suffix: name })),
  );
  const prefix = affixes.map((affix) => affix.prefix).reduce(commonPrefix);
  let suffix = affixes.map((affix) => affix.suffix).reduce(commonSuffix);
  // A short name can hold the common start and end only by overlapping them: keep the start alone.
  const united: NamePattern = { kind: 'affix', prefix, suffix };
  if ([a, b].some((pattern) => pattern.kind === 'one-of' && !pattern.names.every((name) => matchesName(united, name))))
    suffix = '';
  return prefix === '' && suffix === '' ? ANY_NAME : { kind: 'affix', prefix, suffix };
}

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}

function commonSuffix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return a.slice(a.length - length);
}
