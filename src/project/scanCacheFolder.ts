import fs from 'node:fs';
import path from 'node:path';

/** The folder, under a project's `node_modules`, where tools keep caches (as Babel's and ESLint's loaders do). */
const CACHE_FOLDER = path.join('node_modules', '.cache', 'eslint-plugin-pg-boss');

/**
 * Where the scans of the project under `roots` are kept (src/project/scanCache.ts): in the `node_modules/.cache`
 * of the nearest folder at or above the first root that has a `node_modules` folder. Undefined where no such
 * folder exists: a cache never creates a `node_modules`. Apart from the cache itself, which loads what reads
 * and keys a scan, so that `pg-boss-queues` loads that only where a scan can be kept.
 */
export function scanCacheFolder(roots: readonly string[]): string | undefined {
  for (let folder = roots[0]!; ; folder = path.dirname(folder)) {
    try {
      if (fs.statSync(path.join(folder, 'node_modules')).isDirectory()) return path.join(folder, CACHE_FOLDER);
    } catch {
      // None here: look further up.
    }
    if (path.dirname(folder) === folder) return undefined;
  }
}
