import fs from 'node:fs';
import path from 'node:path';
import { PG_BOSS_MODULE } from '../pgBossModule';
import { DiskLook } from '../util/diskLook';
import { readManifest } from '../util/readManifest';

/** What a directory's look-up found: the version in its nearest manifest (none: `undefined`). */
interface Found {
  readonly version: string | undefined;
  /** The look it was found or checked in: trusted without a `stat` until the next look. */
  readonly look: number;
}

const looks = new DiskLook();
/** Counts the lints that looked at the disk again: a directory found in the current one is not stat'ed. */
let look = 0;
/** What each directory asked about found, so that a later look-up within the same look costs no `stat`. */
const found = new Map<string, Found>();
/** Versions read so far, by manifest, with the modification time they were read at. */
const versions = new Map<string, { mtimeMs: number; version: string | undefined }>();

/**
 * The version of pg-boss that Node would load for the linted `file`: the nearest `node_modules/pg-boss`
 * from its folder. An editor's ESLint server runs for hours, so nothing here goes stale on an
 * `npm install`: when a lint looks at the disk again (DiskLook: a re-lint of a file always does), the
 * nearest manifest is searched for again and read again if its modification time changed.
 */
export function findInstalledPgBossVersion(file: string): string | undefined {
  if (looks.due(file)) look++;
  const directory = path.dirname(file);
  const known = found.get(directory);
  if (known?.look === look) return known.version;
  // Searched again from the directory up, not just checked where it was found: an install nearer the
  // file (a package of a monorepo given its own pg-boss beside the hoisted one) is the one Node loads.
  for (let current = directory; ; current = path.dirname(current)) {
    const manifest = path.join(current, 'node_modules', PG_BOSS_MODULE, 'package.json');
    const stats = fs.statSync(manifest, IF_ANY);
    if (stats) return remember(directory, readVersion(manifest, stats.mtimeMs));
    if (path.dirname(current) === current) return remember(directory, undefined);
  }
}

const IF_ANY = { throwIfNoEntry: false } as const;

function remember(directory: string, version: string | undefined): string | undefined {
  found.set(directory, { version, look });
  return version;
}

function readVersion(manifest: string, mtimeMs: number): string | undefined {
  const cached = versions.get(manifest);
  if (cached?.mtimeMs === mtimeMs) return cached.version;
  const version = readManifest(manifest)?.version;
  const read = typeof version === 'string' ? version : undefined;
  versions.set(manifest, { mtimeMs, version: read });
  return read;
}
