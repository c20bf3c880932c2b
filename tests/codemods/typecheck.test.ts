import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBareCreateQueueCalls } from '../../src/analysis/findBareCreateQueueCalls';
import { HELPER_RECEIVER_METHODS } from '../../src/rewrite/findReceiverTypeGap';
import { parseSourceFile } from '../../src/files/parseSourceFile';
import { MANUAL_REWRITE_MARKER } from '../../src/rewrite/planManualRewriteMarker';
import type { PgBossInstance } from '../../src/runtime/types';
import { positionAt } from '../../src/util/positions';

const root = path.resolve(__dirname, '../..');
const fixture = path.join(root, 'codemods/__testfixtures__/typecheck-project');
const bin = path.join(root, 'dist/src/cli/pgBossCodemod.js');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

let project: string;

/** tsc --noEmit over the copy: pg-boss 12's own types, and the runtime package through the workspace link. */
function typecheck(): string {
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

function codemod() {
  const result = spawnSync(process.execPath, [bin, 'src'], { cwd: project, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

function readSources(): Map<string, string> {
  const directory = path.join(project, 'src');
  return new Map(fs.readdirSync(directory).map((name) => [name, fs.readFileSync(path.join(directory, name), 'utf8')]));
}

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-typecheck-'));
  fs.cpSync(fixture, project, { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
});
afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

describe('the codemod on a TypeScript app typed against pg-boss 12', () => {
  it('compiles before, compiles after, leaves each remaining call under a TODO, and changes nothing the second time', () => {
    expect(typecheck()).toBe('');

    const first = codemod();
    // A receiver typed without getQueue, one Partial, one optional call on a receiver with side effects. The
    // inline object type of ensureScanQueue is no pg-boss at all (as the rule decides), so it stays as written.
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('27 calls rewritten), 3 calls left for you in 2 files');

    expect(typecheck()).toBe('');

    // Every call the analysis still finds sits under its own TODO comment.
    for (const [name, text] of readSources()) {
      const lines = text.split('\n');
      const source = parseSourceFile(text, name);
      const remaining = findBareCreateQueueCalls({ source, types: undefined });
      const markers = lines.filter((line) => line.trim().startsWith(MANUAL_REWRITE_MARKER));
      expect(markers, name).toHaveLength(remaining.length);
      for (const { call } of remaining) {
        const { line } = positionAt(source, call.range[0]);
        expect(lines[line - 2]!.trim(), `${name}:${line}`).toMatch(/^\/\/ TODO\(pg-boss-codemod\): /);
      }
    }

    const before = readSources();
    const second = codemod();
    expect(second.stderr).toContain('0 changed (0 calls rewritten), 3 calls left for you in 2 files');
    expect(readSources()).toEqual(before);
  }, 120_000);

  it('checks receivers for exactly the methods the helpers’ boss parameter declares', () => {
    type Checked = (typeof HELPER_RECEIVER_METHODS)[number];
    // Both directions: a method added to PgBossInstance, or one checked that it lacks, fails to compile.
    const declared: Record<keyof PgBossInstance, true> = {
      createQueue: true,
      getQueue: true,
      getQueues: true,
      updateQueue: true,
      deleteQueue: true,
    } satisfies Record<Checked, true>;
    expect(Object.keys(declared).sort()).toEqual([...HELPER_RECEIVER_METHODS].sort());
  });
});
