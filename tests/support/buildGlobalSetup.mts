import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What the build reads: the sources of both packages and the files that configure their compilation. */
const INPUTS = ['src', 'rules', 'codemods', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
/** What the build writes: tsc rewrites every output on each build, so the oldest one dates the build. */
const OUTPUTS = ['dist', 'src/runtime/dist'];
/** Never inputs: the build's own outputs and the codemod's fixtures, which are data, not compiled. */
const NOT_INPUTS = new Set(
  OUTPUTS.map((output) => path.join(root, output)).concat(path.join(root, 'codemods/__testfixtures__')),
);

/** Modification times of every file under `entry` (a file or a directory), skipping `skip`. */
function modificationTimes(entry: string, skip: ReadonlySet<string> = new Set()): number[] {
  if (skip.has(entry) || !fs.existsSync(entry)) return [];
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return [stat.mtimeMs];
  return fs.readdirSync(entry).flatMap((name) => modificationTimes(path.join(entry, name), skip));
}

/**
 * Builds both packages when a source is newer than the build (or there is none), so the tests of the
 * built package (the CLI, the package's exports, the packed tarballs) never run against a stale `dist`.
 */
export default function setup(): void {
  const newestInput = Math.max(...INPUTS.flatMap((input) => modificationTimes(path.join(root, input), NOT_INPUTS)));
  const builds = OUTPUTS.map((output) => modificationTimes(path.join(root, output)));
  const oldestOutput = builds.some((times) => times.length === 0) ? -Infinity : Math.min(...builds.flat());
  if (newestInput > oldestOutput) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
