/**
 * What a bare createQueue does wrong on a given pg-boss version, as measured in
 * shared research (pg-boss-versions.md §0): one clause per hazard, for the rule's message.
 */
export function describeHazards(version: string): string | undefined {
  if (!hazardsByVersion.has(version)) hazardsByVersion.set(version, hazardsOf(version));
  return hazardsByVersion.get(version);
}

const hazardsByVersion = new Map<string, string | undefined>();

function hazardsOf(version: string): string | undefined {
  const parsed = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!parsed) return undefined;
  const [major, minor, patch] = parsed.slice(1).map(Number) as [number, number, number];
  if (major < 10) return undefined;
  const hazards: string[] = [];
  const before = (m: number, p: number): boolean => minor < m || (minor === m && patch < p);
  if (major === 10 && before(0, 4)) hazards.push('throws 23505 when the queue already exists');
  else if (major === 10 && before(1, 5))
    hazards.push('throws 23505 when the queue exists in a database first set up by 10.0.3 or older');
  if (major === 10) hazards.push('deadlocks (40P01) when processes start together');
  if (major > 10 || !before(0, 4))
    hazards.push("keeps the first creator's options and ignores these when the queue exists");
  return joinClauses(hazards);
}

function joinClauses(clauses: string[]): string {
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)!}`;
}
