import fs from 'node:fs';
import path from 'node:path';
import { PG_BOSS_MODULE } from '../analysis/pgBossImports';

/** Manifests read so far, by path, with the modification time they were read at. */
const manifests = new Map<string, { mtimeMs: number; version: string | undefined }>();

/**
 * The version of pg-boss that Node would load for a file in `directory`: the nearest
 * `node_modules/pg-boss`. Nothing is remembered by directory, and a manifest is read again when its
 * modification time changes, so an editor's long-running ESLint server sees `npm install` at once.
 */
export function findInstalledPgBossVersion(directory: string): string | undefined {
  for (let current = directory; ; current = path.dirname(current)) {
    const manifest = path.join(current, 'node_modules', PG_BOSS_MODULE, 'package.json');
    const stats = fs.statSync(manifest, { throwIfNoEntry: false });
    if (stats) return readVersion(manifest, stats.mtimeMs);
    if (path.dirname(current) === current) return undefined;
  }
}

function readVersion(manifest: string, mtimeMs: number): string | undefined {
  const cached = manifests.get(manifest);
  if (cached?.mtimeMs === mtimeMs) return cached.version;
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: unknown };
  const read = typeof version === 'string' ? version : undefined;
  manifests.set(manifest, { mtimeMs, version: read });
  return read;
}
