import fs from 'node:fs';
import path from 'node:path';
import { searchUpwards } from './util/searchUpwards';

export interface PackageManifest {
  name: string;
  version: string;
}

/** What this package's package.json says that the code reads. */
interface OwnManifest extends PackageManifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

let cached: OwnManifest | undefined;

/**
 * This package's name and version, read from its package.json once, at first use: the file sits two
 * folders up from the built code and one up from the sources, so it is searched for rather than imported.
 */
export function readPackageManifest(): PackageManifest {
  cached ??= readNearestManifest();
  return { name: cached.name, version: cached.version };
}

/** The packages this one depends on or names as peers: what a kept scan was made with (src/project/scanCache.ts). */
export function readDependencyNames(): string[] {
  cached ??= readNearestManifest();
  return [...Object.keys(cached.dependencies ?? {}), ...Object.keys(cached.peerDependencies ?? {})];
}

function readNearestManifest(): OwnManifest {
  const manifest = searchUpwards(__dirname, new Map<string, string>(), (directory) => {
    const candidate = path.join(directory, 'package.json');
    return fs.existsSync(candidate) ? candidate : undefined;
  });
  if (!manifest) throw new Error(`No package.json above ${__dirname}`);
  return JSON.parse(fs.readFileSync(manifest, 'utf8')) as OwnManifest;
}
