import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boundGitListing, collectFiles, GitListingTooSlowError } from '../../src/files/collectFiles';
import { removeAfterEach } from '../support/queuesMonorepo';

const temporary = removeAfterEach();

/** A folder whose `git` sleeps `seconds`, as on a tree too large to list quickly, then fails as outside a work tree. */
function slowGit(seconds: number): string {
  const bin = temporary(fs.mkdtempSync(path.join(os.tmpdir(), 'slow-git-')));
  fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nsleep ${seconds}\nexit 128\n`, { mode: 0o755 });
  return bin;
}

describe('collectFiles with git bounded', () => {
  const { PATH } = process.env;
  afterEach(() => {
    process.env.PATH = PATH;
    boundGitListing(undefined);
  });

  it('throws rather than walk the folders where git takes longer than the bound, and waits without one', () => {
    const tree = temporary(fs.mkdtempSync(path.join(os.tmpdir(), 'listed-')));
    fs.writeFileSync(path.join(tree, 'a.ts'), 'export {};\n');
    process.env.PATH = `${slowGit(1)}${path.delimiter}${PATH}`;
    boundGitListing(100);
    expect(() => collectFiles([tree], new Set(['ts']), () => {})).toThrow(GitListingTooSlowError);
    // Unbounded, the slow git is waited for, and its failure walks the folders, as without git.
    boundGitListing(undefined);
    expect(collectFiles([tree], new Set(['ts']), () => {})).toEqual([path.join(tree, 'a.ts')]);
  });
});
