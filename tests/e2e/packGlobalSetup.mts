import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Each of this repository's packages, by name, as a tarball packed the README's way. */
    tarballs: Record<string, string>;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STATUS = '## Status: before the first release';

/** The lines of the README section's `sh` block, comments left out. */
function statusLines(): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(`\n${STATUS}\n`));
  const block = /^```sh\n([\s\S]*?)^```$/m.exec(section)?.[1];
  if (!block) throw new Error(`README.md section "${STATUS}" has no sh block`);
  return block
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

/**
 * Packs both packages once for the e2e tests with the README's own `npm pack` line, run in this
 * repository as a user runs it in a clone, its destination a temporary folder instead of `..`. The
 * tarballs must be the files the README's install lines name.
 */
export default function setup(project: TestProject): () => void {
  const lines = statusLines();
  const pack = lines.find((line) => line.startsWith('npm pack '));
  if (!pack?.includes('--pack-destination ..')) throw new Error(`README: no "npm pack … --pack-destination .." line`);
  const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-tarballs-'));
  execSync(pack.replace('--pack-destination ..', `--pack-destination "${destination}"`), {
    cwd: root,
    stdio: 'ignore',
  });
  const named = lines
    .filter((line) => line.startsWith('npm install '))
    .flatMap((line) => line.split(/\s+/))
    .filter((word) => word.endsWith('.tgz'))
    .map((word) => path.join(destination, path.basename(word)));
  const packed = fs.readdirSync(destination).map((file) => path.join(destination, file));
  if (named.sort().join() !== packed.sort().join()) {
    throw new Error(`README's install lines name ${named.join(', ')}, its npm pack line made ${packed.join(', ')}`);
  }
  project.provide(
    'tarballs',
    Object.fromEntries(packed.map((file) => [path.basename(file).replace(/-\d+\.\d+\.\d+\.tgz$/, ''), file])),
  );
  return () => fs.rmSync(destination, { recursive: true, force: true });
}
