import fs from 'node:fs';
import path from 'node:path';
import { searchUpwards } from './util/searchUpwards';

export interface PackageManifest {
  name: string;
  version: string;
}

let cached: PackageManifest | undefined;

/**
 * This package's name and version, read from its package.json once, at first use: the file sits two
 * folders up from the built code and one up from the sources, so it is searched for rather than imported.
 */
export function readPackageManifest(): PackageManifest {
  cached ??= readNearestManifest();
  return cached;
}

function readNearestManifest(): PackageManifest {
  const manifest = searchUpwards(__dirname, new Map<string, string>(), (directory) => {
    const candidate = path.join(directory, 'package.json');
    return fs.existsSync(candidate) ? candidate : undefined;
  });
  if (!manifest) throw new Error(`No package.json above ${__dirname}`);
  const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string; version: string };
  return { name, version };
}
