import path from 'node:path';
import type Subset from 'semver/ranges/subset';
import { PG_BOSS_MODULE } from '../pgBossModule';
import { readManifest } from '../util/readManifest';
import { searchUpwards } from '../util/searchUpwards';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** pg-boss before 10 created a queue on its first job: code that can only run on those needs no createQueue. */
const IMPLICIT_QUEUES = '<10.0.0';

const verdicts = new Map<string, boolean | null | undefined>();

/** semver, loaded at the first manifest that names pg-boss: a scan that finds no queue operation never pays for it. */
let subset: typeof Subset | undefined;

/**
 * Whether every pg-boss that the nearest package.json depending on pg-boss allows creates queues on use
 * (`^9.0.3`, `<10`, `npm:pg-boss@~9.0.0`), so a scan of a source tree, which has no node_modules, knows
 * which API its code targets. A range that also allows 10 (`>=9`, `*`), one that holds no version
 * (`workspace:*`, `latest`, a git URL) and a tree that names no pg-boss are judged as 10 and later.
 */
export function createsQueuesImplicitly(directory: string): boolean {
  return searchUpwards(directory, verdicts, readVerdict) ?? false;
}

/** Whether a package.json at or above `directory` names pg-boss, with a range or without one. */
export function namesPgBoss(directory: string): boolean {
  return searchUpwards(directory, verdicts, readVerdict) !== undefined;
}

/**
 * Forgets the ranges read so far, for a long-lived process that knows a manifest may have changed (the
 * editor rules' project, src/project/projectFiles.ts): a one-shot scan never needs to.
 */
export function forgetPgBossRanges(): void {
  verdicts.clear();
}

/** null: this manifest names pg-boss without a version range, which ends the search as surely as a range. */
function readVerdict(directory: string): boolean | null | undefined {
  const manifest = readManifest(path.join(directory, 'package.json'));
  if (!manifest) return undefined;
  for (const field of DEPENDENCY_FIELDS) {
    const range = (manifest[field] as Record<string, unknown> | undefined)?.[PG_BOSS_MODULE];
    if (typeof range !== 'string') continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it with this module
    subset ??= require('semver/ranges/subset') as typeof Subset;
    try {
      return subset(range.replace(/^npm:pg-boss@/, ''), IMPLICIT_QUEUES);
    } catch {
      return null;
    }
  }
  return undefined;
}
