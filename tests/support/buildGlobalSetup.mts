import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Brings both packages' `dist` up to date before the tests of the built package (the CLI, the package's
 * exports, the packed tarballs), so they never run against a stale build. `npm run build` is `tsc -b`,
 * which compares the sources with its build info and does nothing (about a second) when they have not
 * changed; `--silent` leaves only tsc's own output, which is nothing unless a file fails to compile.
 */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}
