import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, relativePathWith } from '../../src/util/relativePath';

/** What the callers computed before: `path.relative`, separators turned into `/`. */
const viaPathRelative = (paths: path.PlatformPath, folder: string, file: string) =>
  paths.relative(folder, file).split(paths.sep).join('/');

/** Every folder with every file: inside, outside, equal, and each spelling `path.relative` normalizes. */
function pairs(folders: readonly string[], files: readonly string[]): Array<[string, string]> {
  return folders.flatMap((folder) => files.map((file): [string, string] => [folder, file]));
}

describe('relativePath', () => {
  it('gives what path.relative gives, on POSIX paths', () => {
    const folders = ['/work/app', '/work/app/', '/work/./app', '/work/x/../app', '/', '/work//app', 'app', '.', ''];
    const files = [
      '/work/app/src/a.ts',
      '/work/app',
      '/work/app/',
      '/work/application/a.ts',
      '/work/app/..a.ts',
      '/work/app/../b.ts',
      '/work/app/./a.ts',
      '/work/app//a.ts',
      '/work/app/src/',
      '/work/app/src/.',
      '/work/app/a\\b.ts',
      '/other/a.ts',
      'app/a.ts',
      'a.ts',
      '',
    ];
    for (const [folder, file] of pairs(folders, files))
      expect([folder, file, relativePathWith(path.posix)(folder, file)]).toEqual([
        folder,
        file,
        viaPathRelative(path.posix, folder, file),
      ]);
  });

  it('gives what path.relative gives, on Windows paths', () => {
    const folders = [
      'C:\\work\\app',
      'c:\\work\\app',
      'C:\\work\\app\\',
      'C:/work/app',
      'C:\\',
      '\\\\server\\share\\app',
    ];
    const files = [
      'C:\\work\\app\\src\\a.ts',
      'c:\\work\\app\\src\\a.ts',
      'C:\\Work\\App\\a.ts',
      'C:\\work\\app\\src/a.ts',
      'C:\\work\\app\\..\\b.ts',
      'C:\\work\\application\\a.ts',
      'D:\\work\\app\\a.ts',
      '\\\\server\\share\\app\\a.ts',
      'C:\\work\\app',
    ];
    for (const [folder, file] of pairs(folders, files))
      expect([folder, file, relativePathWith(path.win32)(folder, file)]).toEqual([
        folder,
        file,
        viaPathRelative(path.win32, folder, file),
      ]);
  });

  it('counts a file inside a folder, a name beginning with two dots included, and nothing above or beside it', () => {
    const inside = ['/work/app/a.ts', '/work/app/..scripts/a.ts', '/work/app/...ts', '/work/app/src/../b.ts'];
    const outside = ['/work/app', '/work/app/', '/work/a.ts', '/work/app/../b.ts', '/work/application/a.ts', '/b.ts'];
    expect(inside.filter((file) => isInside('/work/app', file))).toEqual(inside);
    expect(outside.filter((file) => isInside('/work/app', file))).toEqual([]);
  });
});
