import satisfies from 'semver/functions/satisfies';

/**
 * What a bare createQueue does on an existing queue, by the pg-boss versions it does it on, as measured in
 * shared research (pg-boss-versions.md §0). A pre-release is placed as semver orders it, before its release.
 */
const HAZARDS: ReadonlyArray<{ readonly versions: string; readonly clause: (passesOptions: boolean) => string }> = [
  { versions: '>=10.0.0 <10.0.4', clause: () => 'throws 23505' },
  { versions: '>=10.0.4 <10.1.5', clause: () => 'throws 23505 if the database predates 10.0.4' },
  { versions: '10.x', clause: () => 'deadlocks (40P01) at concurrent starts' },
  {
    versions: '>=10.0.4',
    // Without options there are none to ignore: the call just does nothing.
    clause: (passesOptions) => (passesOptions ? 'ignores the options passed' : 'is a silent no-op'),
  },
];

/**
 * The hazards of a bare createQueue on `version`, in short clauses for the rule's message, which the rule
 * page explains; undefined before 10 (queues were created on first use) or for what is not a version.
 * `passesOptions` says whether the call passes options, the only case in which they can be ignored.
 */
export function describeHazards(version: string, passesOptions: boolean): string | undefined {
  const key = `${version}:${passesOptions}`;
  if (!hazardsByVersion.has(key)) hazardsByVersion.set(key, hazardsOf(version, passesOptions));
  return hazardsByVersion.get(key);
}

const hazardsByVersion = new Map<string, string | undefined>();

function hazardsOf(version: string, passesOptions: boolean): string | undefined {
  const clauses = HAZARDS.filter(({ versions }) => satisfies(version, versions, { includePrerelease: true })).map(
    ({ clause }) => clause(passesOptions),
  );
  return clauses.length === 0 ? undefined : joinClauses(clauses);
}

function joinClauses(clauses: string[]): string {
  if (clauses.length === 1) return clauses[0]!;
  return `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)!}`;
}
