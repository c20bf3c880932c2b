import fs from 'node:fs';
import path from 'node:path';
import { PG_BOSS_MODULE } from '../analysis/pgBossImports';

/** The manifest found for each directory asked about, so that later look-ups cost one `stat`. */
const nearestManifests = new Map<string, string>();
/** Versions read so far, by manifest, with the modification time they were read at. */
const versions = new Map<string, { mtimeMs: number; version: string | undefined }>();

/**
 * The version of pg-boss that Node would load for a file in `directory`: the nearest
 * `node_modules/pg-boss`. An editor's ESLint server runs for hours, so nothing here goes stale on an
 * `npm install`: a manifest is read again when its modification time changes, a manifest that is gone
 * is searched for again, and a directory where none was found is searched again on the next look-up.
 */
export function findInstalledPgBossVersion(directory: string): string | undefined {
  const known = nearestManifests.get(directory);
  const knownStats = known === undefined ? undefined : fs.statSync(known, { throwIfNoEntry: false });
  if (known !== undefined && knownStats) return readVersion(known, knownStats.mtimeMs);
  for (let current = directory; ; current = path.dirname(current)) {
    const manifest = path.join(current, 'node_modules', PG_BOSS_MODULE, 'package.json');
    const stats = fs.statSync(manifest, { throwIfNoEntry: false });
    if (stats) {
      nearestManifests.set(directory, manifest);
      return readVersion(manifest, stats.mtimeMs);
    }
    if (path.dirname(current) === current) return undefined;
  }
}

function readVersion(manifest: string, mtimeMs: number): string | undefined {
  const cached = versions.get(manifest);
  if (cached?.mtimeMs === mtimeMs) return cached.version;
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: unknown };
  const read = typeof version === 'string' ? version : undefined;
  versions.set(manifest, { mtimeMs, version: read });
  return read;
}
