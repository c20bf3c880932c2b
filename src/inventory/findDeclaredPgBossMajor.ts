import fs from 'node:fs';
import path from 'node:path';
import { PG_BOSS_MODULE } from '../analysis/pgBossImports';
import { searchUpwards } from '../util/searchUpwards';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

const majors = new Map<string, number | null | undefined>();

/**
 * The lowest pg-boss major the nearest package.json that depends on pg-boss allows (`^9.0.3` → 9), so a
 * scan of a source tree, which has no node_modules, knows which API its code targets. Undefined when no
 * manifest names pg-boss or its range has no version (`workspace:*`, `latest`).
 */
export function findDeclaredPgBossMajor(directory: string): number | undefined {
  return searchUpwards(directory, majors, readMajor) ?? undefined;
}

/** null: this manifest names pg-boss without a version, which ends the search as surely as a number. */
function readMajor(directory: string): number | null | undefined {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  for (const field of DEPENDENCY_FIELDS) {
    const range = (manifest[field] as Record<string, unknown> | undefined)?.[PG_BOSS_MODULE];
    if (typeof range !== 'string') continue;
    const major = /(\d+)/.exec(range.replace(/^npm:pg-boss@/, ''));
    return major ? Number(major[1]) : null;
  }
  return undefined;
}
