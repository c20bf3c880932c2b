import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/no-bare-create-queue';
import { describeHazards } from '../../src/pgBossVersion/describeHazards';
import { findInstalledPgBossVersion } from '../../src/pgBossVersion/findInstalledPgBossVersion';

describe('describeHazards', () => {
  it.each([
    ['10.0.3', true, 'throws 23505 and deadlocks (40P01) at concurrent starts'],
    [
      '10.1.4',
      true,
      'throws 23505 if the database predates 10.0.4, deadlocks (40P01) at concurrent starts and ignores the options passed',
    ],
    ['10.4.2', true, 'deadlocks (40P01) at concurrent starts and ignores the options passed'],
    ['11.1.2', true, 'ignores the options passed'],
    ['12.38.0', true, 'ignores the options passed'],
    // Without options there are none to ignore: the call just does nothing.
    ['12.38.0', false, 'is a silent no-op'],
    ['10.4.2', false, 'deadlocks (40P01) at concurrent starts and is a silent no-op'],
    // A pre-release is judged by where it sorts, not left without hazards.
    ['12.0.0-beta.1', true, 'ignores the options passed'],
  ])('names what a bare call does on %s (options passed: %s)', (version, passesOptions, hazards) => {
    expect(describeHazards(version, passesOptions)).toBe(hazards);
  });

  it('says nothing for versions before queues had to be created, or for what is not a version', () => {
    expect(describeHazards('9.0.3', true)).toBeUndefined();
    expect(describeHazards('latest', true)).toBeUndefined();
  });
});

describe('findInstalledPgBossVersion', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-version-'));
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it('finds the pg-boss that Node would load for a file, from the nearest node_modules up the tree', () => {
    fs.mkdirSync(path.join(project, 'node_modules/pg-boss'), { recursive: true });
    fs.writeFileSync(
      path.join(project, 'node_modules/pg-boss/package.json'),
      JSON.stringify({ name: 'pg-boss', version: '10.1.4' }),
    );
    fs.mkdirSync(path.join(project, 'packages/worker/node_modules/pg-boss'), { recursive: true });
    fs.writeFileSync(
      path.join(project, 'packages/worker/node_modules/pg-boss/package.json'),
      JSON.stringify({ name: 'pg-boss', version: '12.38.0' }),
    );
    fs.mkdirSync(path.join(project, 'packages/worker/src'), { recursive: true });
    fs.mkdirSync(path.join(project, 'packages/api/src'), { recursive: true });
    expect(findInstalledPgBossVersion(path.join(project, 'packages/worker/src/worker.ts'))).toBe('12.38.0');
    expect(findInstalledPgBossVersion(path.join(project, 'packages/api/src/api.ts'))).toBe('10.1.4');
  });

  // An editor's ESLint server runs for hours: an `npm install` must show at the file's next lint.
  it('sees pg-boss installed where there was none, upgraded in place, and removed, when a file is linted again', () => {
    const app = path.join(os.tmpdir(), `pg-boss-version-app-${process.pid}`);
    const linted = path.join(app, 'src/index.ts');
    const manifest = path.join(app, 'node_modules/pg-boss/package.json');
    fs.mkdirSync(path.join(app, 'src'), { recursive: true });
    try {
      expect(findInstalledPgBossVersion(linted)).toBeUndefined();
      fs.mkdirSync(path.dirname(manifest), { recursive: true });
      fs.writeFileSync(manifest, JSON.stringify({ name: 'pg-boss', version: '11.1.2' }));
      expect(findInstalledPgBossVersion(linted)).toBe('11.1.2');
      fs.writeFileSync(manifest, JSON.stringify({ name: 'pg-boss', version: '12.38.0' }));
      const later = new Date(Date.now() + 5_000);
      fs.utimesSync(manifest, later, later);
      expect(findInstalledPgBossVersion(linted)).toBe('12.38.0');
      fs.rmSync(path.join(app, 'node_modules'), { recursive: true });
      expect(findInstalledPgBossVersion(linted)).toBeUndefined();
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });

  // A monorepo's package gets its own pg-boss beside the hoisted one: Node now loads the nearer one.
  it('sees a pg-boss installed nearer the file than the one found before, when a file is linted again', () => {
    const mono = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-version-mono-'));
    const linted = path.join(mono, 'packages/worker/src/worker.ts');
    const install = (folder: string, version: string) => {
      fs.mkdirSync(path.join(folder, 'node_modules/pg-boss'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'node_modules/pg-boss/package.json'), JSON.stringify({ version }));
    };
    fs.mkdirSync(path.dirname(linted), { recursive: true });
    try {
      install(mono, '10.1.4');
      expect(findInstalledPgBossVersion(linted)).toBe('10.1.4');
      install(path.join(mono, 'packages/worker'), '12.38.0');
      expect(findInstalledPgBossVersion(linted)).toBe('12.38.0');
    } finally {
      fs.rmSync(mono, { recursive: true, force: true });
    }
  });
});

describe('no-bare-create-queue create()', () => {
  // The rule must cost nothing on the files that cannot contain a match: one selector, nothing set up.
  it('listens only to calls of a member named createQueue, and reads nothing before one is found', () => {
    const context = {
      options: [],
      get sourceCode(): never {
        throw new Error('read before a candidate call');
      },
      physicalFilename: 'file.ts',
    };
    expect(Object.keys(rule.create(context as never))).toEqual([
      'CallExpression[callee.property.name="createQueue"], CallExpression[callee.property.value="createQueue"]',
    ]);
  });
});
