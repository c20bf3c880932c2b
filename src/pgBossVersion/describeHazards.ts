/**
 * What a bare createQueue does on an existing queue on a given pg-boss version, as measured in shared
 * research (pg-boss-versions.md §0): short clauses for the rule's message, which the rule page explains.
 * `passesOptions` says whether the call passes options, the only case in which they can be ignored.
 */
export function describeHazards(version: string, passesOptions: boolean): string | undefined {
  const key = `${version}:${passesOptions}`;
  if (!hazardsByVersion.has(key)) hazardsByVersion.set(key, hazardsOf(version, passesOptions));
  return hazardsByVersion.get(key);
}

const hazardsByVersion = new Map<string, string | undefined>();

function hazardsOf(version: string, passesOptions: boolean): string | undefined {
  const parsed = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!parsed) return undefined;
  const [major, minor, patch] = parsed.slice(1).map(Number) as [number, number, number];
  if (major < 10) return undefined;
  const hazards: string[] = [];
  const before = (m: number, p: number): boolean => minor < m || (minor === m && patch < p);
  if (major === 10 && before(0, 4)) hazards.push('throws 23505');
  else if (major === 10 && before(1, 5)) hazards.push('throws 23505 if the database predates 10.0.4');
  if (major === 10) hazards.push('deadlocks (40P01) at concurrent starts');
  if (major > 10 || !before(0, 4)) hazards.push(passesOptions ? 'ignores the options passed' : 'is a silent no-op');
  return joinClauses(hazards);
}

function joinClauses(clauses: string[]): string {
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)!}`;
}
