import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** The version of a package this repository has installed, so the consumer gets it from npm's cache. */
function installedVersion(name: string): string {
  return (
    JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/**
 * A temporary project that installs the packed package the way a user would (`npm pack`, then
 * `npm install` of the tarballs) beside ESLint 10 and 9, the TypeScript parser and pg-boss 12 and 10,
 * with the example app copied in. The runtime is a dependency, the plugin a dev dependency, as the README says.
 */
export function createConsumerProject(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-consumer-'));
  const pack = (packageDirectory: string): string => {
    const [tarball] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', directory], {
        cwd: packageDirectory,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as Array<{ filename: string }>;
    return `file:./${tarball!.filename}`;
  };
  fs.cpSync(path.join(root, 'examples/app'), directory, { recursive: true });
  const manifest = {
    name: 'consumer-app',
    private: true,
    type: 'module',
    dependencies: {
      'pg-boss-safe-create-queue': pack(path.join(root, 'src/runtime')),
      'pg-boss': installedVersion('pg-boss-12.38.0'),
      'pg-boss-10': `npm:pg-boss@${installedVersion('pg-boss-10.4.2')}`,
    },
    devDependencies: {
      'eslint-plugin-pg-boss': pack(root),
      eslint: installedVersion('eslint'),
      'eslint-9': `npm:eslint@${installedVersion('eslint-9')}`,
      '@typescript-eslint/parser': installedVersion('@typescript-eslint/parser'),
      typescript: installedVersion('typescript'),
    },
  };
  fs.writeFileSync(path.join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: directory,
    stdio: 'ignore',
  });
  // A git repository, as a user's project is: the codemod asks git what is ignored.
  execFileSync('git', ['init', '-q'], { cwd: directory });
  fs.writeFileSync(path.join(directory, '.gitignore'), 'node_modules/\n*.tgz\n');
  return directory;
}
