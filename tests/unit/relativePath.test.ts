import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, relativePathWith } from '../../src/util/relativePath';

/** What the callers computed before: `path.relative`, separators turned into `/`. */
const viaPathRelative = (paths: path.PlatformPath, folder: string, file: string) =>
  paths.relative(folder, file).split(paths.sep).join('/');

/** Every folder with every file (inside, outside, equal, each spelling `path.relative` normalizes) answered alike. */
function expectPathRelative(paths: path.PlatformPath, folders: readonly string[], files: readonly string[]): void {
  const relativePath = relativePathWith(paths);
  for (const folder of folders)
    for (const file of files)
      expect([folder, file, relativePath(folder, file)]).toEqual([folder, file, viaPathRelative(paths, folder, file)]);
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
    expectPathRelative(path.posix, folders, files);
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
    expectPathRelative(path.win32, folders, files);
  });

  it('counts a file inside a folder, a name beginning with two dots included, the folder itself, and nothing above or beside it', () => {
    const inside = [
      '/work/app/a.ts',
      '/work/app/..scripts/a.ts',
      '/work/app/...ts',
      '/work/app/src/../b.ts',
      '/work/app',
      '/work/app/',
    ];
    const outside = ['/work/a.ts', '/work/app/../b.ts', '/work/application/a.ts', '/b.ts', '/work'];
    expect(inside.filter((file) => isInside('/work/app', file))).toEqual(inside);
    expect(outside.filter((file) => isInside('/work/app', file))).toEqual([]);
  });
});
