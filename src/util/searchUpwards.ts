import path from 'node:path';
import { readManifest } from './readManifest';

/**
 * The first answer `read` gives for `directory` or one of its ancestors, remembered in `cache` for
 * every directory on the way, so a whole project costs one look-up per folder.
 */
export function searchUpwards<T>(
  directory: string,
  cache: Map<string, T | undefined>,
  read: (directory: string) => T | undefined,
): T | undefined {
  if (cache.has(directory)) return cache.get(directory);
  let found = read(directory);
  if (found === undefined) {
    const parent = path.dirname(directory);
    found = parent === directory ? undefined : searchUpwards(parent, cache, read);
  }
  cache.set(directory, found);
  return found;
}

/** A field of the package.json at `file`, when there is one to read and the field is a string. */
export function readManifestField(file: string, field: 'name' | 'version'): string | undefined {
  const value = readManifest(file)?.[field];
  return typeof value === 'string' ? value : undefined;
}
