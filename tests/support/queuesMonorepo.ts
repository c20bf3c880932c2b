import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const root = path.resolve(__dirname, '../..');
export const queuesBin = path.join(root, 'dist/src/cli/pgBossQueues.js');
const fixture = path.join(root, 'tests/fixtures/queues-monorepo');

/** A fresh copy of the fixture monorepo (two packages and a worker), outside this repository's git. */
export function copyQueuesMonorepo(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-queues-'));
  fs.cpSync(fixture, directory, { recursive: true });
  return directory;
}

/** Adds `count` modules that name no queue under `directory/filler`: a project large enough to scan on a worker. */
export function addFiller(directory: string, count: number): void {
  fs.mkdirSync(path.join(directory, 'filler'));
  for (let index = 0; index < count; index++)
    fs.writeFileSync(path.join(directory, `filler/module${index}.ts`), `export const value${index} = ${index};\n`);
}

/** Each fix, as a developer would make it, for the four problems the fixture carries. */
const FIXES: ReadonlyArray<{ file: string; edits: ReadonlyArray<[string, string]> }> = [
  {
    // The forgotten dead letter and the forgotten scheduled queue join the shared declarations.
    file: 'packages/queues/src/index.ts',
    edits: [
      ['[QUEUES.RUN_DLQ, QUEUES.DAILY_DIGEST_DLQ]', '[QUEUES.RUN_DLQ, QUEUES.NOTIFS_DLQ, QUEUES.DAILY_DIGEST_DLQ]'],
      [
        '[QUEUES.RUN, QUEUES.NOTIFS, QUEUES.DAILY_DIGEST]',
        '[QUEUES.RUN, QUEUES.NOTIFS, QUEUES.DAILY_DIGEST, QUEUES.WEEKLY_DIGEST]',
      ],
    ],
  },
  {
    // One declarer per queue: the worker owns "transcribe"; the wrapper names its queue itself.
    file: 'packages/api/src/jobQueue.ts',
    edits: [
      ['    await this.boss.createQueue(TRANSCRIBE_QUEUE);\n', ''],
      ['this.send(TRANSCRIBE_QUEUE, payload,', 'this.send(payload,'],
      ['private async send(queue: string, payload:', 'private async send(payload:'],
      ['this.boss.send(queue, payload, options)', 'this.boss.send(TRANSCRIBE_QUEUE, payload, options)'],
      ['the ${queue} queue', 'the ${TRANSCRIBE_QUEUE} queue'],
    ],
  },
];

export function fixQueuesMonorepo(directory: string): void {
  for (const { file, edits } of FIXES) {
    const target = path.join(directory, file);
    let text = fs.readFileSync(target, 'utf8');
    for (const [before, after] of edits) {
      if (!text.includes(before)) throw new Error(`${file} no longer contains ${before}`);
      text = text.replace(before, after);
    }
    fs.writeFileSync(target, text);
  }
}

export function runQueues(cwd: string, ...args: string[]) {
  return runQueuesAs({}, cwd, ...args);
}

/**
 * The CLI, optionally as an unprivileged user: as root, no permission bit keeps a directory from being read.
 */
export function runQueuesAs(options: { readonly unprivileged?: boolean }, cwd: string, ...args: string[]) {
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  const result = spawnSync(process.execPath, [queuesBin, ...args], {
    cwd,
    encoding: 'utf8',
    // A run that hangs (a read that waits for a writer) fails its test with a null exit code, where the
    // synchronous spawn would otherwise keep the test runner from ever timing it out.
    timeout: 60_000,
    ...(asNobody ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: cwd } } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A small tree of files in a fresh temporary folder; the caller removes it. */
export function writeTree(files: Record<string, string>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-queues-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    fs.writeFileSync(path.join(directory, file), text);
  }
  return directory;
}

/**
 * For a test file that makes temporary folders: returns the function that takes one in charge, and removes
 * every folder it was given after each test of that file.
 */
export function removeAfterEach(): (directory: string) => string {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
  });
  return (directory) => {
    directories.push(directory);
    return directory;
  };
}
