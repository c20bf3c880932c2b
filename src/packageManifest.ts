import path from 'node:path';
import { readManifestField, searchUpwards } from './util/searchUpwards';

/**
 * This package's name and version, read from its package.json at run time: the file sits two folders
 * up from the built code and one up from the sources, so it is searched for rather than imported.
 */
export function readPackageManifest(): { name: string; version: string } {
  const read = (field: 'name' | 'version') => searchUpwards(__dirname, new Map(), (directory) => readManifestField(path.join(directory, 'package.json'), field));
  return { name: read('name') ?? 'eslint-plugin-pg-boss', version: read('version') ?? '0.0.0' };
}
