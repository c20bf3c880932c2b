// Install footprint: what `npm install` puts in a fresh app for pg-boss alone, pg-boss with the runtime
// helper (production installs, --omit=dev), ESLint alone and ESLint with the plugin (dev installs). This
// repository's packages are packed first, as a user receives them; the others come at the versions
// installed here, from npm's cache where it has them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './support/corpus.mjs';
import { printTable } from './support/measure.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-install-bench-'));
const version = (name) =>
  JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const pack = (directory) =>
  JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: directory,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0].filename;
const specs = {
  'pg-boss': `pg-boss@${version('pg-boss')}`,
  eslint: `eslint@${version('eslint')}`,
  'pg-boss-safe-create-queue': path.join(work, pack(path.join(root, 'src/runtime'))),
  'eslint-plugin-pg-boss': path.join(work, pack(root)),
};

/** Total size of the files under `directory`, in bytes (what the packages hold, not disk blocks). */
function bytes(directory) {
  return fs.readdirSync(directory, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sum + bytes(full);
    return sum + (entry.isFile() ? fs.statSync(full).size : 0);
  }, 0);
}

/** Packages and bytes of `npm install <flags> <names>` in a fresh app. */
function install(flags, names) {
  const app = fs.mkdtempSync(path.join(work, 'app-'));
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  execFileSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...flags,
      ...names.map((name) => specs[name]),
    ],
    { cwd: app, stdio: 'ignore' },
  );
  const { packages } = JSON.parse(fs.readFileSync(path.join(app, 'package-lock.json'), 'utf8'));
  return {
    packages: Object.keys(packages).filter((key) => key !== '').length,
    bytes: bytes(path.join(app, 'node_modules')),
  };
}

const megabytes = (size) => `${(size / 1e6).toFixed(2)} MB`;
// Each pair: a baseline, then the same install with one of this repository's packages added.
const rows = [
  ['--omit=dev', ['pg-boss'], ['pg-boss-safe-create-queue']],
  ['--save-dev', ['eslint'], ['eslint-plugin-pg-boss']],
].flatMap(([flag, baseline, added]) => {
  const before = install([flag], baseline);
  const after = install([flag], [...baseline, ...added]);
  return [
    [`npm install ${flag} ${baseline.join(' ')}`, before.packages, megabytes(before.bytes), '', ''],
    [
      `npm install ${flag} ${[...baseline, ...added].join(' ')}`,
      after.packages,
      megabytes(after.bytes),
      `+${after.packages - before.packages}`,
      `+${megabytes(after.bytes - before.bytes)}`,
    ],
  ];
});
printTable(
  `Install footprint in a fresh app (pg-boss ${version('pg-boss')}, ESLint ${version('eslint')})`,
  ['install', 'packages', 'size', 'adds packages', 'adds size'],
  rows,
);
fs.rmSync(work, { recursive: true, force: true });
