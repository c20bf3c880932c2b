import type { Capabilities } from './capabilities';
import type { GivenOptions } from './normalizeQueueOptions';

/** Something the installed pg-boss accepts and a later major refuses. */
export interface UpgradeHazard {
  /** What is at fault: the queue's `name`, the `options` object as a whole, or the option of that name. */
  readonly subject: string;
  /** The later majors whose latest release refuses it. */
  readonly refusedBy: ReadonlyArray<11 | 12>;
  /** Why, in the refusing version's own words where it has any. */
  readonly reason: string;
}

/**
 * pg-boss 12's name rule (12.13+; 12.0 had the same without `/`), for queue names and dead letters. 10.x
 * and 11.x test an unanchored `/[\w-]/`, so a space, a quote or a tab passes there.
 */
const NAME_RULE_12 = /^[\w.\-/]+$/;
const NAME_REASON_12 = 'can only contain alphanumeric characters, underscores, hyphens, periods, or forward slashes';

/**
 * What a later pg-boss would refuse in a declaration the installed one accepts, copied from the
 * createQueue of 11.1 and 12.38 (the parity test checks these rules against both, for every input the
 * older versions accept). Only the name, the options object and the options the installed version stores
 * are looked at: an option it ignores is reported as ignored instead, whatever its value.
 */
export function upgradeHazards(
  boss: object,
  queue: unknown,
  given: GivenOptions,
  capabilities: Capabilities,
): UpgradeHazard[] {
  const major = installedMajor(boss, capabilities);
  if (major >= 12) return [];
  const hazards: UpgradeHazard[] = [];
  if (typeof queue === 'string') addNameHazard(hazards, major, 'name', queue, 'Name');
  // 11.x writes the options' JSON into its SQL as an object: an array's or a Date's JSON is none (12.4+ copy the keys).
  if (major < 11 && given.container && !jsonIsObject(given.container)) {
    hazards.push({
      subject: 'options',
      refusedBy: [11],
      reason: "pg-boss 11 reads the options' JSON as an object, and this object's JSON is not one",
    });
  }
  const deadLetter = given.entries.get('deadLetter');
  // An empty dead letter means none to every version.
  if (typeof deadLetter === 'string' && deadLetter !== '') {
    if (major < 11 && deadLetter === queue)
      hazards.push({ subject: 'deadLetter', refusedBy: [11, 12], reason: 'deadLetter cannot be itself' });
    else addNameHazard(hazards, major, 'deadLetter', deadLetter, 'deadLetter');
  }
  return hazards;
}

/** A name 12.x refuses, as a hazard of `subject` (the queue's name or its dead letter). */
function addNameHazard(hazards: UpgradeHazard[], major: number, subject: string, name: string, label: string): void {
  if (NAME_RULE_12.test(name)) return;
  // 11.x writes names into its SQL text unescaped: a quote breaks the statement there (42601).
  const refusedBy = major < 11 && name.includes("'") ? ([11, 12] as const) : ([12] as const);
  hazards.push({ subject, refusedBy, reason: `${label} ${NAME_REASON_12}` });
}

/**
 * 10.x is known by its queue table (it stores `retention_minutes`); 10.x and 11.x are CommonJS classes
 * with the static `policies`, which 12.x moved to a module export.
 */
function installedMajor(boss: object, capabilities: Capabilities): number {
  if (capabilities.legacy) return 10;
  const statics = (boss.constructor ?? {}) as { policies?: unknown };
  return typeof statics.policies === 'object' && statics.policies !== null ? 11 : 12;
}

function jsonIsObject(value: object): boolean {
  try {
    return JSON.stringify(value)?.startsWith('{') ?? false;
  } catch {
    // Not serialisable at all: every version fails on it alike, so it is no hazard of an upgrade.
    return true;
  }
}

/** The hazard as a clause of a sentence about its queue. */
export function describeUpgradeHazard({ subject, refusedBy, reason }: UpgradeHazard): string {
  const what = subject === 'name' ? 'its name' : subject === 'options' ? 'its options object' : `option "${subject}"`;
  const versions = refusedBy.map((major) => `${major}.x`).join(' and ');
  return `pg-boss ${versions} refuse${refusedBy.length > 1 ? '' : 's'} ${what} ("${reason}"), which the installed version accepts`;
}
