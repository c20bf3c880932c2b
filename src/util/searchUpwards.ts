import fs from 'node:fs';
import path from 'node:path';

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

/** A field of the package.json at `file`, when the file exists and the field is a string. */
export function readManifestField(file: string, field: 'name' | 'version'): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const value = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
