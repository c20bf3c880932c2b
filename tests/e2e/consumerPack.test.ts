import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let checkout: string;

/**
 * The files a clean clone would have (tracked, or new and not ignored: no `dist`), with this repository's
 * installed node_modules linked in, as `npm ci` would have installed them.
 */
beforeAll(() => {
  checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-checkout-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '' && fs.existsSync(path.join(root, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(checkout, file));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
}, 120_000);
afterAll(() => {
  fs.rmSync(checkout, { recursive: true, force: true });
});

/** The files `npm pack` puts in a package's tarball (its `prepack` builds first). */
function packedFiles(workspace?: string): string[] {
  const [tarball] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', ...(workspace ? ['--workspace', workspace] : [])], {
      cwd: checkout,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as Array<{ files: Array<{ path: string }> }>;
  return tarball!.files.map((file) => file.path);
}

it('npm pack from a clean checkout builds both packages and ships their dist and changelog', () => {
  expect(fs.existsSync(path.join(checkout, 'dist'))).toBe(false);
  expect(packedFiles()).toEqual(
    expect.arrayContaining([
      'dist/src/index.js',
      'dist/src/index.mjs',
      'dist/src/index.d.ts',
      'dist/codemods/safe-create-queue.js',
      'dist/src/cli/pgBossCodemod.js',
      'CHANGELOG.md',
    ]),
  );
  const runtimeFiles = packedFiles('pg-boss-safe-create-queue');
  expect(runtimeFiles).toEqual(
    expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'CHANGELOG.md', 'README.md']),
  );
  // The runtime package ships only its own build and its npm page, nothing of the plugin's.
  expect(
    runtimeFiles.filter((file) => !/^(dist\/|CHANGELOG\.md$|README\.md$|LICENSE$|package\.json$)/.test(file)),
  ).toEqual([]);
});
