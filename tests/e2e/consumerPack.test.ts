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

/** The files `npm pack` puts in each workspace's tarball (each `prepack` builds first), by package name. */
function packedFiles(): Record<string, string[]> {
  const tarballs = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--workspaces'], {
      cwd: checkout,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as Array<{ name: string; files: Array<{ path: string }> }>;
  return Object.fromEntries(tarballs.map((tarball) => [tarball.name, tarball.files.map((file) => file.path)]));
}

// Both packages are built from nothing (`tsc -b` finds no build info in a clean checkout), then packed: a
// bound, not a measure of speed. The project's 60 s ran out at a load average of 11 to 14 on 2 cores.
const PACK_FROM_NOTHING = { timeout: 240_000 };

it('npm pack from a clean checkout builds both packages and ships their dist and changelog', PACK_FROM_NOTHING, () => {
  expect(fs.existsSync(path.join(checkout, 'dist'))).toBe(false);
  const packed = packedFiles();
  expect(Object.keys(packed).sort()).toEqual(['eslint-plugin-pg-boss', 'pg-boss-safe-create-queue']);
  expect(packed['eslint-plugin-pg-boss']).toEqual(
    expect.arrayContaining([
      'dist/src/index.js',
      'dist/src/index.mjs',
      'dist/src/index.d.ts',
      'dist/codemods/safe-create-queue.js',
      'dist/src/cli/pgBossCodemod.js',
      'CHANGELOG.md',
    ]),
  );
  const runtimeFiles = packed['pg-boss-safe-create-queue']!;
  expect(runtimeFiles).toEqual(
    expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'CHANGELOG.md', 'README.md']),
  );
  // `tsc -b` keeps its build info in each dist; neither package ships it.
  expect(Object.values(packed).flatMap((files) => files.filter((file) => file.endsWith('.tsbuildinfo')))).toEqual([]);
  // The runtime package ships only its own build and its npm page, nothing of the plugin's.
  expect(
    runtimeFiles.filter((file) => !/^(dist\/|CHANGELOG\.md$|README\.md$|LICENSE$|package\.json$)/.test(file)),
  ).toEqual([]);
});
