import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/no-bare-create-queue';
import { describeHazards } from '../../src/pgBossVersion/describeHazards';
import { findInstalledPgBossVersion } from '../../src/pgBossVersion/findInstalledPgBossVersion';

describe('describeHazards', () => {
  it.each([
    ['10.0.3', 'throws 23505 when the queue already exists and deadlocks (40P01) when processes start together'],
    [
      '10.1.4',
      "throws 23505 when the queue exists in a database first set up by 10.0.3 or older, deadlocks (40P01) when processes start together and keeps the first creator's options and ignores these when the queue exists",
    ],
    [
      '10.4.2',
      "deadlocks (40P01) when processes start together and keeps the first creator's options and ignores these when the queue exists",
    ],
    ['11.1.2', "keeps the first creator's options and ignores these when the queue exists"],
    ['12.38.0', "keeps the first creator's options and ignores these when the queue exists"],
  ])('names what a bare call does on %s', (version, hazards) => {
    expect(describeHazards(version)).toBe(hazards);
  });

  it('says nothing for versions before queues had to be created, or for what is not a version', () => {
    expect(describeHazards('9.0.3')).toBeUndefined();
    expect(describeHazards('latest')).toBeUndefined();
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
    expect(findInstalledPgBossVersion(path.join(project, 'packages/worker/src'))).toBe('12.38.0');
    expect(findInstalledPgBossVersion(path.join(project, 'packages/api/src'))).toBe('10.1.4');
  });
});

describe('no-bare-create-queue create()', () => {
  // The rule must cost nothing on the files that cannot contain a match.
  it('registers no listener for a file whose text never mentions createQueue', () => {
    const context = {
      options: [],
      sourceCode: { text: 'export const queue = "emails";' },
      physicalFilename: 'file.ts',
    };
    expect(rule.create(context as never)).toEqual({});
  });
});
