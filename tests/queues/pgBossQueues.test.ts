import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueueInventory } from '../../src/inventory/queueInventory';
import { readPackageManifest } from '../../src/packageManifest';
import {
  copyQueuesMonorepo,
  fixQueuesMonorepo,
  queuesBin,
  removeAfterEach,
  runQueues,
  runQueuesAs,
  writeTree,
} from '../support/queuesMonorepo';

// Every case starts the real CLI (one Node process each), which a loaded machine can take seconds to do.
const PROCESS_TIMEOUT = { timeout: 30_000 };

const temporary = removeAfterEach();

function monorepo(): string {
  return temporary(copyQueuesMonorepo());
}

/** A small tree of files, scanned with --json. */
function scan(files: Record<string, string>): { code: number | null; inventory: QueueInventory; stderr: string } {
  const directory = temporary(writeTree(files));
  const { code, stdout, stderr } = runQueues(directory, '--json', '.');
  return { code, inventory: JSON.parse(stdout) as QueueInventory, stderr };
}

const codemodBin = path.join(path.dirname(queuesBin), 'pgBossCodemod.js');

const queueNames = (inventory: QueueInventory) => inventory.queues.map((queue) => queue.name);

describe('pg-boss-queues on the fixture monorepo', PROCESS_TIMEOUT, () => {
  // The fourth problem it carried, the queue name a private wrapper takes as a parameter
  // (jobQueue.ts:32), is now read from the wrapper's one caller: "transcribe" at jobQueue.ts:28.
  it('reports exactly the three problems it carries, and exits 1', () => {
    const directory = monorepo();
    const { code, stdout } = runQueues(directory, '--json', '.');
    expect(code).toBe(1);
    const inventory = JSON.parse(stdout) as QueueInventory;
    expect(inventory.problems.map(({ kind, queue, locations }) => ({ kind, queue, locations }))).toEqual([
      {
        kind: 'undeclared',
        queue: 'weekly_digest',
        locations: [
          { file: 'apps/worker/src/digestWorker.cjs', line: 7, column: 9 },
          { file: 'packages/api/src/routes/runs.ts', line: 16, column: 9 },
        ],
      },
      {
        kind: 'conflicting-options',
        queue: 'transcribe',
        locations: [
          { file: 'apps/worker/src/worker.ts', line: 20, column: 9 },
          { file: 'packages/api/src/jobQueue.ts', line: 23, column: 11 },
        ],
      },
      {
        kind: 'undeclared-dead-letter',
        queue: 'notifs_dlq',
        locations: [{ file: 'packages/queues/src/index.ts', line: 40, column: 11 }],
      },
    ]);
    expect(inventory.problems.every((problem) => problem.message.length > 0)).toBe(true);
  });

  it('prints the JSON shape CI scripts and verifyQueues rely on', () => {
    const { stdout } = runQueues(monorepo(), '--json', '.');
    const inventory = JSON.parse(stdout) as QueueInventory;
    expect(Object.keys(inventory)).toEqual(['queues', 'problems']);
    expect(queueNames(inventory)).toEqual([
      'daily_digest',
      'daily_digest_dlq',
      'notifs',
      'notifs_dlq',
      'run',
      'run_dlq',
      'transcribe',
      'transcribe-dead-letter',
      'weekly_digest',
    ]);
    const transcribe = inventory.queues.find((queue) => queue.name === 'transcribe')!;
    expect(transcribe).toEqual({
      name: 'transcribe',
      declared: true,
      declarations: [
        {
          file: 'apps/worker/src/worker.ts',
          line: 20,
          column: 9,
          // Spread of a const object, `15 * 60`, and a template literal imported from payload.ts.
          options: {
            policy: 'standard',
            retryLimit: 4,
            retryDelay: 30,
            retryBackoff: true,
            expireInSeconds: 900,
            deadLetter: 'transcribe-dead-letter',
          },
        },
        { file: 'packages/api/src/jobQueue.ts', line: 23, column: 11, options: {} },
      ],
      uses: [
        { file: 'apps/worker/src/worker.ts', line: 21, column: 9, method: 'work' },
        // Sent through the class's private `send(queue, …)` wrapper, at the wrapper's call.
        { file: 'packages/api/src/jobQueue.ts', line: 28, column: 11, method: 'send' },
      ],
      maybeDeclaredBy: [],
    });
    // Names and options imported from the workspace package `@acme/queues` and looped over in it.
    expect(inventory.queues.find((queue) => queue.name === 'run')).toEqual({
      name: 'run',
      declared: true,
      declarations: [
        {
          file: 'packages/queues/src/index.ts',
          line: 40,
          column: 11,
          options: { retryLimit: 3, retryBackoff: true, expireInSeconds: 3600, deadLetter: 'run_dlq' },
        },
      ],
      uses: [
        { file: 'apps/worker/src/worker.ts', line: 24, column: 11, method: 'work' },
        { file: 'packages/api/src/routes/runs.ts', line: 7, column: 10, method: 'send' },
      ],
      maybeDeclaredBy: [],
    });
  });

  it('exits 0 with no problems once the three are fixed', () => {
    const directory = monorepo();
    fixQueuesMonorepo(directory);
    const { code, stdout, stderr } = runQueues(directory, '--json', '.');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as QueueInventory).problems).toEqual([]);
    expect(stderr).toBe('pg-boss-queues: 7 files scanned, 9 queues, 9 of 9 used queues decided; no problems\n');
  });

  it('prints a table and a plural-aware summary without --json', () => {
    const { code, stdout, stderr } = runQueues(monorepo(), 'packages', 'apps');
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^queue +declared +declared at +used at +problems$/);
    expect(lines.find((line) => line.startsWith('weekly_digest '))).toMatch(
      /^weekly_digest +no +- +apps\/worker\/src\/digestWorker\.cjs:7 work +undeclared$/,
    );
    // Options only behind --options, on a line of their own.
    expect(stdout).not.toContain('{}');
    expect(stdout).toContain('\nProblems:\n  undeclared: Queue "weekly_digest" is used but never declared');
    expect(stderr).toBe(
      'pg-boss-queues: 7 files scanned, 9 queues, 9 of 9 used queues decided; 1 undeclared, 1 conflicting-options, 1 undeclared-dead-letter\n',
    );
    const withOptions = runQueues(monorepo(), '--options', 'packages', 'apps').stdout.split('\n');
    const declaredAt = withOptions.findIndex((line) => line.includes('packages/api/src/jobQueue.ts:23'));
    expect(withOptions[declaredAt + 1]).toMatch(/^ +\{\}$/);
  });

  // An unreadable folder ended the whole scan with exit 2 and no inventory.
  it('reports an unreadable folder as skipped and still inventories the rest', () => {
    const directory = monorepo();
    fixQueuesMonorepo(directory);
    const locked = path.join(directory, 'packages/locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, 'queues.ts'), "await boss.send('hidden', {});\n");
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', '65534:65534', directory]);
    fs.chmodSync(locked, 0o000);
    try {
      const { code, stdout, stderr } = runQueuesAs({ unprivileged: true }, directory, '--json', '.');
      expect(code).toBe(0);
      const inventory = JSON.parse(stdout) as QueueInventory;
      expect(queueNames(inventory)).not.toContain('hidden');
      expect(inventory.queues).toHaveLength(9);
      expect(stderr).toMatch(/^skipped packages\/locked: could not read directory: .*(Permission denied|EACCES)/m);
    } finally {
      fs.chmodSync(locked, 0o700);
    }
  });

  // Some editors save UTF-8 with a byte order mark; Node's require reads such a package.json as any other.
  it('reads package.json files and sources that begin with a byte order mark as those without', () => {
    const directory = monorepo();
    const expected = runQueues(directory, '--json', '.').stdout;
    for (const file of ['packages/queues/package.json', 'package.json', 'packages/queues/src/index.ts']) {
      const full = path.join(directory, file);
      fs.writeFileSync(full, `\uFEFF${fs.readFileSync(full, 'utf8')}`);
    }
    expect(runQueues(directory, '--json', '.').stdout).toBe(expected);
  });

  it('gives paths relative to the scanned root, wherever it runs from', () => {
    const directory = monorepo();
    const { stdout } = runQueues(os.tmpdir(), '--json', directory);
    const inventory = JSON.parse(stdout) as QueueInventory;
    expect(inventory.problems[0]!.locations[0]!.file).toBe('apps/worker/src/digestWorker.cjs');
  });

  // Git names files from the real folder, and they were shown from there: `../real/src/queues.ts`.
  it('gives paths relative to a scanned root that is a symbolic link into a git work tree', () => {
    const directory = temporary(
      writeTree({
        'real/src/queues.ts':
          "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss('postgres://localhost/app');\nawait boss.createQueue('emails');\n",
      }),
    );
    execFileSync('git', ['init', '--quiet'], { cwd: path.join(directory, 'real') });
    fs.symlinkSync('real/src', path.join(directory, 'linked'));
    const { stdout } = runQueues(directory, '--json', 'linked');
    const inventory = JSON.parse(stdout) as QueueInventory;
    expect(inventory.queues[0]!.declarations[0]!.file).toBe('queues.ts');
  });

  /** A tree of one file, `file`, that sends to a queue nobody declares. */
  const sendingTree = (file: string) =>
    temporary(
      writeTree({
        [file]:
          "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss('postgres://localhost/app');\nawait boss.send('emails', {});\n",
      }),
    );

  /** Where `pg-boss-queues --json` given `roots` (in `directory`) places its one problem. */
  const problemFiles = (directory: string, roots: readonly string[]) =>
    (JSON.parse(runQueues(directory, '--json', ...roots).stdout) as QueueInventory).problems[0]!.locations.map(
      ({ file }) => file,
    );

  // The file's real path was kept when collected; through a linked root it never is, and its alias won.
  it('names a file by its own path through a linked root, not by a link to it beside it', () => {
    const directory = sendingTree('real/src/one.ts');
    fs.symlinkSync('one.ts', path.join(directory, 'real/src/alias.ts'));
    fs.symlinkSync('real', path.join(directory, 'linked'));
    // Given first, a link still loses to the real path where that is given too.
    for (const [roots, named] of [
      [['real'], 'src/one.ts'],
      [['linked'], 'src/one.ts'],
      [['linked', 'real'], 'real/src/one.ts'],
      [['real/src/alias.ts', 'real/src/one.ts'], 'one.ts'],
    ] as const) {
      expect(problemFiles(directory, roots), roots.join(' ')).toEqual([named]);
    }
  });

  // Both roots lead through the link the project was opened by, so no real path is collected; the linked
  // folder inside it, given first, named the file, and the rules lost the report ESLint places under src.
  it('names a file through the given folder that is no link, in a project opened through a link', () => {
    const directory = sendingTree('app/src/shared/jobs.ts');
    fs.symlinkSync('src/shared', path.join(directory, 'app/shared'));
    fs.symlinkSync('app', path.join(directory, 'lnk'));
    for (const roots of [
      ['lnk/shared', 'lnk/src'],
      ['lnk/src', 'lnk/shared'],
    ]) {
      expect(problemFiles(directory, roots), roots.join(' ')).toEqual(['src/shared/jobs.ts']);
    }
  });

  // A link to a pipe was read, and the read waited for a writer forever.
  it('takes no pipe for a file, even through a link named like a module', () => {
    const directory = sendingTree('src/one.ts');
    execFileSync('mkfifo', [path.join(directory, 'pipe')]);
    fs.symlinkSync('../pipe', path.join(directory, 'src/pipe.ts'));
    const { code, stdout, stderr } = runQueues(directory, '--json', '.');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as QueueInventory).problems[0]!.locations.map(({ file }) => file)).toEqual([
      'src/one.ts',
    ]);
    expect(stderr).toBe(
      'pg-boss-queues: 1 file scanned, 1 queue, 1 of 1 used queue decided; 1 undeclared, 1 unworked\n',
    );
  });

  // The search for the app's pg-boss range read package.json files upwards from each file, pipes too.
  it('reads no package.json that is a pipe', () => {
    const directory = sendingTree('src/one.ts');
    execFileSync('mkfifo', [path.join(directory, 'pipe')]);
    fs.symlinkSync('pipe', path.join(directory, 'package.json'));
    fs.symlinkSync('../pipe', path.join(directory, 'src/package.json'));
    expect(problemFiles(directory, ['.'])).toEqual(['src/one.ts']);
  });

  // Spawning git threw ERR_ACCESS_DENIED, and the run ended with exit 2 and no inventory.
  it("walks the folders under Node's permission model, which lets it start no git", () => {
    const directory = sendingTree('src/one.ts');
    const permission = process.allowedNodeEnvironmentFlags.has('--permission')
      ? '--permission'
      : '--experimental-permission';
    const { status, stdout } = spawnSync(
      process.execPath,
      [permission, '--allow-fs-read=*', queuesBin, '--json', '.'],
      {
        cwd: directory,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(status).toBe(1);
    expect((JSON.parse(stdout) as QueueInventory).problems[0]!.locations.map(({ file }) => file)).toEqual([
      'src/one.ts',
    ]);
  });

  // get-tsconfig read the pipe, and the read waited for a writer forever.
  it('reads no tsconfig.json that is a pipe', () => {
    const directory = temporary(
      writeTree({
        'src/one.ts':
          "import { PgBoss } from 'pg-boss';\nimport { QUEUE } from '@app/names';\nconst boss = new PgBoss('postgres://localhost/app');\nawait boss.send('emails', {});\nawait boss.send(QUEUE, {});\n",
      }),
    );
    execFileSync('mkfifo', [path.join(directory, 'tsconfig.json')]);
    expect(problemFiles(directory, ['.'])).toEqual(['src/one.ts']);
  });

  // get-tsconfig followed `extends` into a package (it checks a relative config is a file, not a package's),
  // and its read of the pipe waited for a writer forever.
  it('reads no config a tsconfig.json extends from a package that is a pipe', () => {
    const directory = temporary(
      writeTree({
        'tsconfig.json': JSON.stringify({
          extends: 'base/tsconfig.json',
          compilerOptions: { paths: { '@app/*': ['./src/*'] } },
        }),
        'node_modules/base/package.json': JSON.stringify({ name: 'base' }),
        'src/one.ts':
          "import { PgBoss } from 'pg-boss';\nimport { QUEUE } from '@app/names';\nconst boss = new PgBoss('postgres://localhost/app');\nawait boss.send('emails', {});\nawait boss.send(QUEUE, {});\n",
        'src/names.ts': "export const QUEUE = 'payroll';\n",
      }),
    );
    execFileSync('mkfifo', [path.join(directory, 'node_modules/base/tsconfig.json')]);
    expect(problemFiles(directory, ['.'])).toEqual(['src/one.ts']);
  });

  // Named as a root, a pipe (or a link to a device) was dropped without a word: "0 files scanned", exit 0.
  it('refuses a root that is a pipe, naming it', () => {
    const directory = sendingTree('src/one.ts');
    execFileSync('mkfifo', [path.join(directory, 'pipe')]);
    fs.symlinkSync('/dev/zero', path.join(directory, 'src/zero.ts'));
    for (const root of ['pipe', 'src/zero.ts']) {
      const { code, stdout, stderr } = runQueues(directory, '--json', root);
      expect(code, root).toBe(2);
      expect(stdout, root).toBe('');
      expect(stderr, root).toContain(`Not a file or directory: ${root}`);
    }
  });
});

describe('pg-boss-queues resolves names statically', PROCESS_TIMEOUT, () => {
  const boss = "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss('postgres://localhost/app');\n";

  // Resolving `./package.json` tried `package.json/index.ts`, whose stat fails with ENOTDIR: exit 2, no inventory.
  it('reads past an import of a JSON file, which names no module it can follow', () => {
    const { code, inventory, stderr } = scan({
      'package.json': '{ "name": "app" }\n',
      'send.ts': `${boss}import pkg from './package.json';\nawait boss.send(pkg.name, {});\nawait boss.send('emails', {});\n`,
    });
    expect(stderr).not.toMatch(/ENOTDIR/);
    expect(code).toBe(1);
    expect(queueNames(inventory)).toEqual(['emails']);
  });

  it('follows enums, namespace imports, re-exports and CommonJS exports across files', () => {
    const { inventory } = scan({
      'names/enum.ts': "export enum Queue { Emails = 'emails', Sms = 'sms' }\n",
      'names/index.ts': "export * from './enum';\nexport { REPORTS as REPORT_QUEUE } from './plain';\n",
      'names/plain.ts': "export const REPORTS = 'reports';\n",
      'names/legacy.cjs': "module.exports = { EXPORTS: 'exports' };\nexports.PUSH = 'push';\n",
      'app.ts': `${boss}import * as names from './names';\nimport { Queue } from './names/index.js';\nawait boss.createQueue(Queue.Emails);\nawait boss.send(names.REPORT_QUEUE, {});\n`,
      'worker.cjs':
        "const { EXPORTS, PUSH } = require('./names/legacy.cjs');\nconst boss = getBoss();\nboss.work(EXPORTS, handle);\nboss.work(PUSH, handle);\n",
    });
    expect(queueNames(inventory)).toEqual(['emails', 'exports', 'push', 'reports']);
  });

  it('declares one queue per element of Object.entries(…).map and safeCreateQueues', () => {
    const { inventory } = scan({
      'queues.ts': `${boss}import { safeCreateQueues } from 'pg-boss-safe-create-queue';
const OPTIONS = { emails: { retryLimit: 2 }, sms: {} } as const;
await Promise.all(Object.entries(OPTIONS).map(([name, options]) => boss.createQueue(name, options)));
await safeCreateQueues(boss, { push: { deadLetter: 'emails' } });
await safeCreateQueues(boss, [{ name: 'reports', options: { retryLimit: 1 } }]);
`,
    });
    expect(inventory.queues.find((queue) => queue.name === 'emails')!.uses).toEqual([
      { file: 'queues.ts', line: 6, column: 7, method: 'deadLetter' },
    ]);
    expect(inventory.queues.map(({ name, declarations }) => [name, declarations.map((d) => d.options)])).toEqual([
      ['emails', [{ retryLimit: 2 }]],
      ['push', [{ deadLetter: 'emails' }]],
      ['reports', [{ retryLimit: 1 }]],
      ['sms', [{}]],
    ]);
  });

  // The codemod writes ensureQueue where a call's value is used; its queues were reported undeclared.
  it("declares the queues of the runtime's ensureQueue, imported, renamed or required", () => {
    const { code, inventory } = scan({
      'jobs.ts': `${boss}import { safeCreateQueue, ensureQueue } from 'pg-boss-safe-create-queue';
await safeCreateQueue(boss, 'reports');
export const ready = ensureQueue(boss, 'thumbs', { retryLimit: 2 });
`,
      'renamed.mjs': `import { ensureQueue as declareQueue } from 'pg-boss-safe-create-queue';
export const declared = (boss) => declareQueue(boss, 'emails');
`,
      'worker.cjs': `const { ensureQueue } = require('pg-boss-safe-create-queue');
const { PgBoss } = require('pg-boss');
const boss = new PgBoss(process.env.DATABASE_URL);
module.exports = ensureQueue(boss, 'sms').then(() => boss.work('sms', handle));
`,
      'app.ts': `${boss}for (const name of ['reports', 'thumbs', 'emails', 'sms']) await boss.send(name, {});
boss.work('reports', handle);
boss.work('thumbs', handle);
boss.work('emails', handle);
`,
    });
    expect(code).toBe(0);
    expect(
      inventory.queues.map(({ name, declared, declarations }) => [name, declared, declarations.map((d) => d.file)]),
    ).toEqual([
      ['emails', true, ['renamed.mjs']],
      ['reports', true, ['jobs.ts']],
      ['sms', true, ['worker.cjs']],
      ['thumbs', true, ['jobs.ts']],
    ]);
  });

  it("does not take an app's own ensureQueue(boss, name) for the runtime's", () => {
    const { inventory } = scan({
      'app.ts': `${boss}function ensureQueue(_boss: unknown, _name: string) {}
ensureQueue(boss, 'emails');
await boss.send('emails', {});
`,
    });
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([['emails', false]]);
  });

  // Each of these was reported undeclared: only a destructured import or require of the runtime counted.
  it("declares the queues of the runtime's ensureQueue read from its module, compiled, or re-exported", () => {
    const queues = ['namespace', 'fallback', 'required', 'property', 'compiled', 'member', 'star', 'safe'];
    const loaded = ['import_equals', 'dynamic', 'dynamic_namespace', 'from_namespace', 'namespace_member'];
    const reexported = ['named', 'all', 'forwarded', 'nested'];
    const { inventory } = scan({
      'namespace.ts': `${boss}import * as rt from 'pg-boss-safe-create-queue';
import fallback from 'pg-boss-safe-create-queue';
await rt.ensureQueue(boss, 'namespace');
await fallback.ensureQueue(boss, 'fallback');
const { ensureQueue } = rt;
const declare = rt.ensureQueue;
await ensureQueue(boss, 'from_namespace');
await declare(boss, 'namespace_member');
`,
      'required.cjs': `const rt = require('pg-boss-safe-create-queue');
const declare = require('pg-boss-safe-create-queue').ensureQueue;
const { PgBoss } = require('pg-boss');
const boss = new PgBoss(process.env.DATABASE_URL);
rt.ensureQueue(boss, 'required');
declare(boss, 'property');
`,
      // What tsc writes for the codemod's output (esModuleInterop, and without).
      'compiled.js': `"use strict";
const pg_boss_1 = require("pg-boss");
const rt_1 = require("pg-boss-safe-create-queue");
const star_1 = __importStar(require("pg-boss-safe-create-queue"));
const boss = new pg_boss_1.PgBoss(process.env.DATABASE_URL);
(0, rt_1.ensureQueue)(boss, 'compiled');
rt_1.ensureQueue(boss, 'member');
(0, star_1.ensureQueue)(boss, 'star');
(0, rt_1.safeCreateQueue)(boss, 'safe');
`,
      'equals.cts': `import PgBoss = require('pg-boss');
import rt = require('pg-boss-safe-create-queue');
const boss = new PgBoss(process.env.DATABASE_URL!);
rt.ensureQueue(boss, 'import_equals');
`,
      'dynamic.mjs': `const { ensureQueue } = await import('pg-boss-safe-create-queue');
const rt = await import('pg-boss-safe-create-queue');
const { PgBoss } = await import('pg-boss');
const boss = new PgBoss(process.env.DATABASE_URL);
await ensureQueue(boss, 'dynamic');
await rt.ensureQueue(boss, 'dynamic_namespace');
`,
      'queues/runtime.ts': `export { ensureQueue } from 'pg-boss-safe-create-queue';
`,
      'queues/all.ts': "export * from 'pg-boss-safe-create-queue';\n",
      'queues/forwarded.ts': `import { ensureQueue as forward } from 'pg-boss-safe-create-queue';
export { forward as ensureQueue };
`,
      'queues/index.ts': "export * from './runtime';\n",
      'reexported.ts': `${boss}import { ensureQueue } from './queues/runtime';
import { ensureQueue as fromAll } from './queues/all';
import { ensureQueue as forwarded } from './queues/forwarded';
import * as queues from './queues/index';
await ensureQueue(boss, 'named');
await fromAll(boss, 'all');
await forwarded(boss, 'forwarded');
await queues.ensureQueue(boss, 'nested');
`,
      'app.ts': `${boss}for (const name of ${JSON.stringify([...queues, ...loaded, ...reexported])}) await boss.send(name, {});
`,
    });
    expect(inventory.queues.filter(({ declared }) => !declared).map(({ name }) => name)).toEqual([]);
    expect(inventory.queues).toHaveLength(queues.length + loaded.length + reexported.length);
  });

  // With --import-source the codemod imports ensureQueue from the app's own module, which the scan cannot read.
  it('leaves undecided, never undeclared, the queue of an ensureQueue the codemod imported from elsewhere', () => {
    const directory = temporary(
      writeTree({
        'app.ts': `${boss}export const ready = boss.createQueue('thumbs');
await boss.send('thumbs', {});
await boss.work('thumbs', async () => {});
`,
      }),
    );
    execFileSync(process.execPath, [codemodBin, '--import-source', '@acme/queues', '.'], { cwd: directory });
    expect(fs.readFileSync(path.join(directory, 'app.ts'), 'utf8')).toContain("ensureQueue(boss, 'thumbs')");
    const { code, stdout } = runQueues(directory, '--json', '.');
    const inventory = JSON.parse(stdout) as QueueInventory;
    // Undecided is not a failure: pg-boss-queues exits 0.
    expect(code).toBe(0);
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([['thumbs', null]]);
    expect(inventory.problems.map(({ kind, locations }) => [kind, locations])).toEqual([
      ['unresolved-name', [{ file: 'app.ts', line: 4, column: 22 }]],
    ]);
  });

  // The codemod renames its import when the file has a safeCreateQueue of its own; the call it wrote was not read.
  it('declares the queue of a safeCreateQueue the codemod imported under another name', () => {
    const directory = temporary(
      writeTree({
        'app.ts': `${boss}function safeCreateQueue(name: string) {
  return boss.getQueue(name);
}
await safeCreateQueue('emails');
await boss.createQueue('emails');
await boss.send('emails', {});
await boss.work('emails', async () => {});
`,
      }),
    );
    execFileSync(process.execPath, [codemodBin, '.'], { cwd: directory });
    expect(fs.readFileSync(path.join(directory, 'app.ts'), 'utf8')).toContain("safeCreateQueue2(boss, 'emails')");
    const { code, stdout } = runQueues(directory, '--json', '.');
    expect(code).toBe(0);
    const inventory = JSON.parse(stdout) as QueueInventory;
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([['emails', true]]);
  });

  it("does not take a type-only import or a binding that shadows the runtime's ensureQueue for it", () => {
    const { inventory } = scan({
      'app.ts': `${boss}import type { ensureQueue as Ensure } from 'pg-boss-safe-create-queue';
import { type ensureQueue as typed, ensureQueue } from 'pg-boss-safe-create-queue';
declare const viaType: Ensure;
declare const viaSpecifier: typeof typed;
viaType(boss, 'type_import');
viaSpecifier(boss, 'type_specifier');
{
  const ensureQueue = (_boss: unknown, name: string) => name;
  ensureQueue(boss, 'shadowed');
}
for (const name of ['type_import', 'type_specifier', 'shadowed']) await boss.send(name, {});
`,
    });
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([
      ['shadowed', false],
      ['type_import', false],
      ['type_specifier', false],
    ]);
  });

  it('reads send({ name }), insert, subscribe targets and readonly fields', () => {
    const { inventory } = scan({
      'service.ts': `import { PgBoss } from 'pg-boss';
export class Jobs {
  readonly queueName = 'steps';
  constructor(private readonly boss: PgBoss) {}
  run() {
    this.boss.send({ name: 'objects', data: {} });
    this.boss.insert('batch', [{ data: 1 }]);
    this.boss.insert([{ name: 'legacy-batch', data: 1 }]);
    this.boss.subscribe('user.created', 'welcome');
    this.boss.work(this.queueName, handle);
  }
}
`,
    });
    expect(inventory.queues.map(({ name, uses }) => [name, uses.map((use) => use.method)])).toEqual([
      ['batch', ['insert']],
      ['legacy-batch', ['insert']],
      ['objects', ['send']],
      ['steps', ['work']],
      ['welcome', ['subscribe']],
    ]);
  });

  it('reports names that are not constants as unresolved, never guesses them, and exits 0 for them alone', () => {
    const { code, inventory } = scan({
      'app.ts': `${boss}let name = 'emails';\nawait boss.work(name, handle);\nawait boss.send(process.env.QUEUE ?? 'fallback', {});\n`,
    });
    expect(code).toBe(0);
    expect(inventory.queues).toEqual([]);
    expect(inventory.problems.map(({ kind, locations, message }) => [kind, locations[0]!.line, message])).toEqual([
      ['unresolved-name', 4, 'The queue name `name` (work) is not a constant; it cannot be checked.'],
      [
        'unresolved-name',
        5,
        "The queue name `process.env.QUEUE ?? 'fallback'` (send) is not a constant; it cannot be checked.",
      ],
    ]);
  });

  // inyourtime/pg-boss-registry src/setup.ts declares every queue through `boss.createQueue(queue)` in a loop over a
  // parameter; its eight used queues were reported undeclared and the run failed. Nothing in the tree calls
  // declareAll (a library's callers are elsewhere), so what it declares stays unknown: queues no declaration
  // names are neither declared nor undeclared, and the ones a constant declares are decided.
  it('leaves undecided, never undeclared, a queue a declaration with an unknown name could have declared', () => {
    const { code, inventory, stderr } = scan({
      'setup.ts': `${boss}export async function declareAll(queues: string[]) {\n  for (const queue of queues) await boss.createQueue(queue);\n}\n`,
      'app.ts': `${boss}await boss.send('reports', {});\nawait boss.createQueue('heartbeat', { deadLetter: 'heartbeat_dlq' });\nboss.work('heartbeat', handle);\nboss.work('reports', handle);\n`,
    });
    expect(code).toBe(0);
    expect(inventory.queues.map(({ name, declared, maybeDeclaredBy }) => [name, declared, maybeDeclaredBy])).toEqual([
      ['heartbeat', true, []],
      ['heartbeat_dlq', null, [{ file: 'setup.ts', line: 4, column: 37 }]],
      ['reports', null, [{ file: 'setup.ts', line: 4, column: 37 }]],
    ]);
    expect(inventory.problems.map(({ kind, message }) => [kind, message])).toEqual([
      [
        'unresolved-name',
        'The queue name `queue` (createQueue) is not a constant; it cannot be checked. It may declare any queue: one declared nowhere else is neither declared nor undeclared (`declared: null`).',
      ],
    ]);
    expect(stderr).toContain(
      'pg-boss-queues: 2 files scanned, 3 queues, 1 of 3 used queues decided; 2 may be declared by setup.ts:4 (a constant name there decides them); 1 unresolved-name\n',
    );
  });

  // Only a declaration can declare the missing queue: an unresolved use leaves undeclared queues reported.
  it('still reports undeclared queues when only a use has an unresolved name', () => {
    const { code, inventory, stderr } = scan({
      'app.ts': `${boss}await boss.send('reports', {});\nawait boss.work(process.env.QUEUE, handle);\n`,
    });
    expect(code).toBe(1);
    expect(inventory.problems.map(({ kind, queue }) => [kind, queue])).toEqual([
      ['undeclared', 'reports'],
      ['unresolved-name', null],
    ]);
    expect(stderr).not.toContain('cannot be told');
  });

  // MTES-MCT/verseau2 apps/back imports `QueueName` from '@queue/queue', a `compilerOptions.paths` alias of its
  // tsconfig.json; the names stayed unresolved. Here the aliases sit in a base config the tsconfig extends.
  it('follows tsconfig paths (with one *, or exact) and baseUrl, through extends and JSON comments', () => {
    const { code, inventory } = scan({
      'tsconfig.base.json':
        '{\n  // NestJS writes comments and trailing commas here\n  "compilerOptions": {\n    "baseUrl": "./",\n    "paths": { "@queue/*": ["src/infra/queue/*"], "@names": ["src/names/index.ts"], },\n  },\n}\n',
      'tsconfig.json': '{ "extends": "./tsconfig.base", "compilerOptions": { "outDir": "./dist" } }\n',
      'src/infra/queue/queue.ts': "export enum QueueName {\n  ProcessFile = 'process_file',\n}\n",
      'src/names/index.ts': "export const REPORTS = 'reports';\n",
      'src/constants/digest.ts': "export const DIGEST = 'digest';\n",
      'src/worker/worker.service.ts': `import { QueueName } from '@queue/queue';\nimport { REPORTS } from '@names';\nimport { DIGEST } from 'src/constants/digest';\n${boss}for (const name of [QueueName.ProcessFile, REPORTS, DIGEST]) {\n  await boss.createQueue(name);\n  await boss.work(name, handle);\n}\n`,
    });
    expect(code).toBe(0);
    expect(queueNames(inventory)).toEqual(['digest', 'process_file', 'reports']);
    expect(inventory.problems).toEqual([]);
  });

  // A monorepo keeps its aliases in a shared config package that each app's tsconfig extends by name.
  it('follows tsconfig paths set in a package the tsconfig extends', () => {
    const { code, inventory } = scan({
      'node_modules/@acme/tsconfig/package.json': '{ "name": "@acme/tsconfig", "version": "1.0.0" }\n',
      'node_modules/@acme/tsconfig/base.json':
        '{ "compilerOptions": { "baseUrl": "${configDir}", "paths": { "@queues/*": ["src/queues/*"] } } }\n',
      'tsconfig.json': '{ "extends": "@acme/tsconfig/base.json" }\n',
      'src/queues/names.ts': "export const EMAILS = 'emails';\n",
      'src/worker.ts': `import { EMAILS } from '@queues/names';\n${boss}await boss.createQueue(EMAILS);\nawait boss.work(EMAILS, handle);\n`,
    });
    expect(code).toBe(0);
    expect(queueNames(inventory)).toEqual(['emails']);
    expect(inventory.problems).toEqual([]);
  });

  // Vite's, Angular's and Nx's templates write a solution-style tsconfig.json: it compiles nothing itself and
  // references the configs that do, and the aliases live in those. A wrapper imported through one was not
  // followed, so its caller's queue stayed undecided.
  it('follows the aliases of the referenced config that covers a file under a solution-style tsconfig', () => {
    const enqueue = (folder: string) =>
      `${boss}export const enqueue = (name: string) => boss.send(name, {});\n// ${folder}\n`;
    const { code, inventory } = scan({
      'tsconfig.json':
        '{\n  "files": [],\n  "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.worker.json" }],\n}\n',
      'tsconfig.app.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } }, "include": ["src"] }\n',
      'tsconfig.worker.json': '{ "compilerOptions": { "paths": { "@/*": ["./worker/*"] } }, "include": ["worker"] }\n',
      'src/jobs/enqueue.ts': enqueue('src'),
      'src/routes/reports.ts':
        "import { enqueue } from '@/jobs/enqueue';\nexport const report = () => enqueue('reports');\n",
      'worker/jobs/enqueue.ts': enqueue('worker'),
      'worker/digest.ts': `import { enqueue } from '@/jobs/enqueue';\n${boss}await boss.createQueue('digest');\nawait enqueue('digest');\n`,
    });
    expect(code).toBe(1);
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([
      ['digest', true],
      ['reports', false],
    ]);
    const undeclared = inventory.problems.filter(({ kind }) => kind === 'undeclared');
    expect(undeclared.map(({ queue, locations }) => [queue, locations])).toEqual([
      ['reports', [{ file: 'src/routes/reports.ts', line: 2, column: 29 }]],
    ]);
  });

  // A half-written tsconfig.json (a reference without its path, `references` as one object) stopped the whole
  // scan; TypeScript reports such an entry and goes on with the others.
  it.each([
    ['an entry without a string path', '[{}, { "path": 5 }, null, { "path": "./tsconfig.app.json" }]', 1],
    ['references that are not a list', '{ "path": "./tsconfig.app.json" }', 0],
  ])('reads a solution-style tsconfig whose references hold %s', (_, references, code) => {
    const result = scan({
      'tsconfig.json': `{ "files": [], "references": ${references} }\n`,
      'tsconfig.app.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } }, "include": ["src"] }\n',
      'src/jobs/enqueue.ts': `${boss}export const enqueue = (name: string) => boss.send(name, {});\n`,
      'src/routes/reports.ts':
        "import { enqueue } from '@/jobs/enqueue';\nexport const report = () => enqueue('reports');\n",
    });
    expect(result.stderr).toMatch(/^pg-boss-queues: 2 files scanned/);
    expect(result.code).toBe(code);
    expect(result.inventory.queues.map(({ name }) => name)).toEqual(code === 1 ? ['reports'] : []);
  });

  // timgit/pg-boss test/hooks.ts exports `const ctx = { schema: '' }` and sets ctx.schema before each test.
  it('does not trust a const object that is changed in place, here or where it is imported', () => {
    const { inventory } = scan({
      'hooks.ts':
        "export const ctx = { schema: '' };\nexport function before(schema: string) {\n  ctx.schema = schema;\n}\n",
      'names.ts': "export const NAMES = { a: 'a' };\n",
      'app.ts': `${boss}import { ctx } from './hooks';\nimport { NAMES } from './names';\nObject.assign(NAMES, { a: 'b' });\nawait boss.send(\`\${ctx.schema}_jobs\`, {});\nawait boss.send(NAMES.a, {});\n`,
    });
    expect(inventory.queues).toEqual([]);
    expect(inventory.problems.map(({ kind, locations }) => [kind, locations[0]!.line])).toEqual([
      ['unresolved-name', 6],
      ['unresolved-name', 7],
    ]);
  });

  it('keeps options that are not constants as null, and never calls them a conflict', () => {
    const { code, inventory } = scan({
      'a.ts': `${boss}await boss.createQueue('emails', { retryLimit: Number(process.env.RETRIES) });\nawait boss.work('emails', handle);\n`,
      'b.ts': `${boss}await boss.createQueue('emails', { retryLimit: 2 });\n`,
    });
    expect(code).toBe(0);
    expect(inventory.queues[0]!.declarations.map((declaration) => declaration.options)).toEqual([
      null,
      { retryLimit: 2 },
    ]);
    expect(inventory.problems).toEqual([]);
  });

  it('keeps the names of a safeCreateQueues object whose options are not all constants', () => {
    const { inventory } = scan({
      'a.ts': `${boss}import { safeCreateQueues } from 'pg-boss-safe-create-queue';\nawait safeCreateQueues(boss, { emails: { retryLimit: Number(process.env.RETRIES), deadLetter: 'dlq' }, sms: {} });\n`,
    });
    expect(inventory.queues.map(({ name, declarations }) => [name, declarations[0]?.options])).toEqual([
      ['dlq', undefined],
      ['emails', null],
      ['sms', {}],
    ]);
    // The dead letter is still read from the literal, and found undeclared.
    expect(inventory.problems.map(({ kind, queue }) => [kind, queue])).toContainEqual([
      'undeclared-dead-letter',
      'dlq',
    ]);
  });

  it('shows options that are not constants as such in the table', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-queues-'));
    temporary(directory);
    fs.writeFileSync(
      path.join(directory, 'a.ts'),
      `${boss}await boss.createQueue('emails', { retryLimit: Number(process.env.RETRIES) });\nawait boss.work('emails', handle);\n`,
    );
    expect(runQueues(directory, '--options', '.').stdout).toMatch(
      /^emails +yes +a\.ts:3 +a\.ts:4 work +-\n +\(options not constant\)$/m,
    );
  });

  it('heads the calls it cannot fully read by what may be unknown in them, not only their names', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-queues-'));
    temporary(directory);
    fs.writeFileSync(
      path.join(directory, 'a.ts'),
      `${boss}await boss.send(process.env.QUEUE!, {});\nawait makeQueue().createQueue('emails');\n`,
    );
    expect(runQueues(directory, '.').stdout).toMatch(
      /^ {2}unresolved-name: 2 calls whose queue name, receiver or function cannot be read before the program runs:\n {4}a\.ts\n {6}3: The queue name .*\n {6}4: createQueue is called on `makeQueue\(\)`/m,
    );
  });

  it('reports a declared queue nothing uses as unused, which does not fail the run', () => {
    const { code, inventory } = scan({ 'a.ts': `${boss}await boss.createQueue('orphan');\n` });
    expect(code).toBe(0);
    expect(inventory.problems.map(({ kind, queue }) => [kind, queue])).toEqual([['unused', 'orphan']]);
  });

  // KaisSalha/guesthub works a queue it never creates, correctly: it is on pg-boss 9, which creates queues on use.
  it('asks no declaration of a package on pg-boss 9 or older, and still lists its queues', () => {
    const { code, inventory } = scan({
      'old/package.json': '{ "name": "old", "dependencies": { "pg-boss": "^9.0.3" } }',
      'old/worker.ts': `${boss}boss.work('send-msg', handle);\n`,
      'new/package.json': '{ "name": "new", "dependencies": { "pg-boss": "^10.1.0" } }',
      'new/worker.ts': `${boss}boss.work('send-sms', handle);\n`,
    });
    expect(code).toBe(1);
    expect(queueNames(inventory)).toEqual(['send-msg', 'send-sms']);
    expect(inventory.problems.map(({ kind, queue }) => [kind, queue])).toEqual([['undeclared', 'send-sms']]);
  });

  // speakeasy-social/services: a wrapper in a package on pg-boss 9 sends for services whose own manifests
  // name no pg-boss. The call runs on the wrapper's pg-boss, whatever package its caller is in.
  it("judges a wrapper's use by the pg-boss of the wrapper's package, not its caller's", () => {
    const wrapper = (name: string) =>
      `${boss}export function publish(queue: string, data: object) {\n  return boss.send(queue, data);\n}\n// ${name}\n`;
    const { inventory } = scan({
      'old-queue/package.json': '{ "name": "old-queue", "main": "index.ts", "dependencies": { "pg-boss": "^9.0.0" } }',
      'old-queue/index.ts': wrapper('old'),
      'new-queue/package.json': '{ "name": "new-queue", "main": "index.ts", "dependencies": { "pg-boss": "^10.1.0" } }',
      'new-queue/index.ts': wrapper('new'),
      'api/package.json': '{ "name": "api", "dependencies": { "pg-boss": "^9.0.0" } }',
      'api/send.ts':
        "import { publish } from 'old-queue';\nimport { publish as post } from 'new-queue';\npublish('emails', {});\npost('sms', {});\n",
    });
    expect(queueNames(inventory)).toEqual(['emails', 'sms']);
    const undeclared = inventory.problems.filter(({ kind }) => kind === 'undeclared');
    expect(undeclared.map(({ queue }) => queue)).toEqual(['sms']);
  });

  // A shared package that names no pg-boss imports the one its app installs: its callers' range holds.
  it("judges a wrapper's use by its caller's package when the wrapper's names no pg-boss", () => {
    const { inventory } = scan({
      'utils/package.json': '{ "name": "queue-utils", "main": "index.ts" }',
      'utils/index.ts':
        "import type { PgBoss } from 'pg-boss';\nexport function publish(boss: PgBoss, queue: string, data: object) {\n  return boss.send(queue, data);\n}\n",
      'api/package.json': '{ "name": "api", "dependencies": { "pg-boss": "^9.0.0" } }',
      'api/send.ts': `${boss}import { publish } from 'queue-utils';\nawait boss.work('emails', handle);\nawait publish(boss, 'emails', {});\n`,
    });
    expect(queueNames(inventory)).toEqual(['emails']);
    expect(inventory.problems).toEqual([]);
  });

  // A range that also allows pg-boss 10 may run where queues must be created first; one below 10 may not.
  it('asks no declaration only where every pg-boss the range allows creates queues on use', () => {
    const { inventory } = scan({
      'below/package.json': '{ "name": "below", "dependencies": { "pg-boss": "<10" } }',
      'below/worker.ts': `${boss}boss.work('below', handle);\n`,
      'alias/package.json': '{ "name": "alias", "dependencies": { "pg-boss": "npm:pg-boss@~9.0.0" } }',
      'alias/worker.ts': `${boss}boss.work('alias', handle);\n`,
      'open/package.json': '{ "name": "open", "dependencies": { "pg-boss": ">=9" } }',
      'open/worker.ts': `${boss}boss.work('open', handle);\n`,
    });
    expect(inventory.problems.map(({ kind, queue }) => [kind, queue])).toEqual([['undeclared', 'open']]);
  });

  // timgit/pg-boss test/queueTest.ts: "deleteQueue on a missing queue is a no-op", how retired queues are cleaned up.
  it('asks no declaration of a queue that is only deleted', () => {
    const { code, inventory } = scan({ 'a.ts': `${boss}await boss.deleteQueue('retired');\n` });
    expect(code).toBe(0);
    expect(inventory.queues.map(({ name, uses }) => [name, uses.map((use) => use.method)])).toEqual([
      ['retired', ['deleteQueue']],
    ]);
    expect(inventory.problems).toEqual([]);
  });

  // speakeasy-social/services: every service sends through `Queue.getInstance()`, typed `PgBoss`.
  it('reads an instance from the return type a getter of the same file declares', () => {
    const { inventory } = scan({
      'queue.ts':
        "import { PgBoss } from 'pg-boss';\nexport class Queue {\n  private static instance: PgBoss;\n  static getInstance(): PgBoss {\n    return Queue.instance;\n  }\n}\nawait Queue.getInstance().createQueue('emails');\nawait Queue.getInstance().send('emails', {});\nawait Queue.getInstance().send('sms', {});\n",
    });
    expect(queueNames(inventory)).toEqual(['emails', 'sms']);
    expect(inventory.problems.map(({ kind, queue }) => [kind, queue])).toEqual([
      ['undeclared', 'sms'],
      ['unworked', 'emails'],
      ['unworked', 'sms'],
    ]);
  });

  // speakeasy-social/services: workers call `worker.queue.work(name, handler)` on an instance typed in
  // another file; the queues they work are sent to elsewhere.
  it('calls no queue unworked that a work call on a receiver the syntax cannot place may work', () => {
    const { inventory } = scan({
      'send.ts': `${boss}await boss.createQueue('emails');\nawait boss.send('emails', {});\nawait boss.createQueue('sms');\nawait boss.send('sms', {});\n`,
      'worker.ts':
        "import { worker } from './setup';\nworker.queue.work('emails', handle);\nworker.queue.work('sms');\n",
    });
    expect(inventory.problems.map(({ kind, queue, message }) => [kind, queue ?? message])).toEqual([
      [
        'unresolved-name',
        'work is called on `worker.queue`, which may be a pg-boss instance the syntax cannot place; it may work a queue named "emails", which is then not called unworked or unused.',
      ],
      ['unworked', 'sms'],
    ]);
    // One whose name may be anything may work any queue: none is called unworked, and the message says so.
    const anyName = scan({
      'send.ts': `${boss}await boss.createQueue('emails');\nawait boss.send('emails', {});\n`,
      'worker.ts': 'export function start(jobs: Jobs, name: string) {\n  jobs.queue.work(name, handle);\n}\n',
    });
    expect(anyName.inventory.problems.map(({ message }) => message)).toEqual([
      'work is called on `jobs.queue`, which may be a pg-boss instance the syntax cannot place; it may work any queue, which is then not called unworked or unused.',
    ]);
  });

  // A service that wraps its instance (`getInstance(): PgBoss`) in work and createQueue methods of its own:
  // their calls are followed into the service, so they are not calls the syntax cannot place.
  it("says nothing of the receiver of a call it follows into a wrapper's method", () => {
    const { inventory } = scan({
      'queue.ts': `${boss}export class QueueService {\n  getInstance(): PgBoss {\n    return boss;\n  }\n  work(name: string, handler: () => Promise<void>) {\n    return this.getInstance().work(name, handler);\n  }\n  createQueue(name: string) {\n    return this.getInstance().createQueue(name);\n  }\n}\nexport const queueService = new QueueService();\n`,
      'worker.ts':
        "import { queueService } from './queue';\nawait queueService.createQueue('emails');\nawait queueService.work('emails', async () => {});\n",
    });
    expect(queueNames(inventory)).toEqual(['emails']);
    expect(inventory.queues[0]!.uses.map(({ method }) => method)).toEqual(['work']);
    expect(inventory.problems).toEqual([]);
  });

  // A static wrapper class of the file: its methods are followed to their callers, and the calls on its
  // static instance are pg-boss's, not calls on a receiver the syntax cannot place.
  it('follows the static methods of a wrapper class named for pg-boss to their callers', () => {
    const { inventory } = scan({
      'manager.ts':
        "import { PgBoss } from 'pg-boss';\nexport class PgBossManager {\n  private static instance: PgBoss;\n  static async createQueue(name: string) {\n    await PgBossManager.instance.createQueue(name);\n  }\n  static async work(name: string, handler: () => Promise<void>) {\n    await PgBossManager.instance.work(name, handler);\n  }\n}\nawait PgBossManager.createQueue('emails');\nawait PgBossManager.work('emails', async () => {});\nawait PgBossManager.work('sms', async () => {});\n",
    });
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([
      ['emails', true],
      ['sms', false],
    ]);
    expect(inventory.problems.map(({ kind, queue }) => [kind, queue])).toEqual([['undeclared', 'sms']]);
  });

  it('ignores methods of receivers that are not pg-boss, as the rule does', () => {
    const { inventory } = scan({
      'a.ts':
        "import { SQSClient } from '@aws-sdk/client-sqs';\nconst sqs: SQSClient = make();\nsqs.send(command);\nwindow.fetch('/api');\n",
    });
    expect(inventory.queues).toEqual([]);
    expect(inventory.problems).toEqual([]);
  });

  it('never parses a file that names no pg-boss method, and skips one that does but cannot be parsed', () => {
    const { stderr, inventory } = scan({
      'broken-plain.ts': 'export const = ;\n',
      'broken-boss.ts': "boss.send('emails', {\n",
    });
    expect(inventory.queues).toEqual([]);
    // The position and the parser's message, as the codemod gives them.
    expect(stderr).toMatch(/^skipped broken-boss\.ts: syntax error at 2:\d+: \S.*$/m);
    expect(stderr).not.toContain('broken-plain.ts');
  });

  // oxc's native parser overflowed the stack on it, unseen by V8, and the scan died of a segmentation fault
  // with nothing printed. typescript-estree reads such files instead; on the main thread it holds 700 to 950
  // levels, so the scan reads the tree again on a worker with a larger stack, as the codemod does, and only
  // a file too deep for that one is skipped.
  it('reads a deeply nested file on a larger stack, and skips one too deep for it, saying so', () => {
    const { code, stderr, inventory } = scan({
      'queues.ts':
        "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss('x');\nawait boss.createQueue('emails');\n",
      'deep.ts': `boss.send('emails', ${'('.repeat(6000)}1${')'.repeat(6000)});\n`,
      'deeper.ts': `boss.send('lost', ${'['.repeat(30000)}${']'.repeat(30000)});\n`,
    });
    expect(queueNames(inventory)).toEqual(['emails']);
    expect(inventory.queues.find(({ name }) => name === 'emails')?.uses.map(({ file }) => file)).toEqual(['deep.ts']);
    expect(stderr).toMatch(/^skipped deeper\.ts: nested too deeply: ran out of stack$/m);
    expect(stderr).not.toMatch(/^skipped deep\.ts/m);
    expect(stderr).toContain('pg-boss-queues: 3 files scanned');
    expect(code).toBe(0);
  });
});

describe('pg-boss-queues usage', PROCESS_TIMEOUT, () => {
  // An unknown flag printed the whole help without the program's name; `--extensions src` left no path.
  it.each([
    [[], 'No paths given: name the files or directories to scan.'],
    [['--jsno', '.'], 'Unknown option --jsno.'],
    [['--json=yes', '.'], '--json takes no value.'],
    [['.', '--extensions'], '--extensions needs a value.'],
    [['--extensions', ',', '.'], '--extensions must list at least one file extension, e.g. --extensions ts,js.'],
    [
      ['--extensions', 'src'],
      "No paths given: 'src' was read as the value of --extensions; give the value first, then the paths.",
    ],
    [['no-such-dir'], 'No such file or directory: no-such-dir'],
  ])('exits 2 with one line naming the problem for %j, and a pointer to --help', (args, message) => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-queues-usage-'));
    try {
      fs.mkdirSync(path.join(cwd, 'src'));
      expect(runQueues(cwd, ...args)).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `pg-boss-queues: ${message}\nRun pg-boss-queues --help for the options.\n`,
      });
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('prints help and version', () => {
    const help = runQueues(os.tmpdir(), '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pg-boss-queues \[options\] <paths\.\.\.>/);
    expect(runQueues(os.tmpdir(), '--version')).toMatchObject({
      code: 0,
      stdout: `${readPackageManifest().version}\n`,
    });
  });
});
