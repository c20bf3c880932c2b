import path from 'node:path';

/** A `.` or `..` segment, an empty one, or a separator at the end: what `path.relative` would normalize. */
const UNNORMALIZED = /(?:^|[\\/])\.\.?(?:[\\/]|$)|[\\/][\\/]|[\\/]$/;

/** The rest after the folder and its separator begins with another separator (`/work/app//a.ts`). */
const LEADING_SEPARATOR = /^[\\/]/;

/**
 * `file` relative to `folder`, with `/` separators: exactly `path.relative(folder, file)` with its
 * separators turned into `/`. The lint of every file of a whole-tree `eslint .` asks this of its project's
 * root, and `path.relative` resolves and normalizes both paths character by character, some microseconds
 * a call; the file ESLint hands over is absolute and normalized, so when it starts with the (normalized)
 * folder and a separator, the rest of it is the answer. Any other pair takes `path.relative`.
 */
export function relativePathWith(paths: path.PlatformPath): (folder: string, file: string) => string {
  const toSlashes = (relative: string) => (paths.sep === '/' ? relative : relative.split(paths.sep).join('/'));
  return (folder, file) => {
    if (
      file.length > folder.length + 1 &&
      file[folder.length] === paths.sep &&
      file.startsWith(folder) &&
      paths.isAbsolute(folder) &&
      !UNNORMALIZED.test(folder)
    ) {
      const rest = file.slice(folder.length + 1);
      // On Windows `path.relative` also reads `/` as a separator (and writes `\`): such a rest takes the long way.
      if (!UNNORMALIZED.test(rest) && !LEADING_SEPARATOR.test(rest) && (paths.sep === '/' || !rest.includes('/')))
        return toSlashes(rest);
    }
    return toSlashes(paths.relative(folder, file));
  };
}

export const relativePath = relativePathWith(path);

/**
 * Whether `file` is `folder` or lies inside it: its relative path is not absolute (another drive) and does
 * not begin with a `..` segment. A name that begins with two dots (`..scripts/`) is inside. `folder` itself
 * counts: a project's root may be a file (`settings['pg-boss'].queueRoots`, as `pg-boss-queues a.ts`).
 */
export function isInside(folder: string, file: string): boolean {
  const relative = relativePath(folder, file);
  return relative !== '..' && !relative.startsWith('../') && !path.isAbsolute(relative);
}
