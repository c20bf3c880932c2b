import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { npmInstall, readmeBlock, readmeInstall, specsFor, writeManifest } from './consumerProject';

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
