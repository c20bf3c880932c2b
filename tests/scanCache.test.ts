// A project's first scan kept between processes (src/project/scanCache.ts): each case runs `eslint .` in
// processes of its own, as a user runs it again, with the built plugin (whose first scan of a large project runs
// on a worker).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { QueueInventory } from '../src/inventory/queueInventory';
import { MOST_BYTES_SCANNED_HERE, MOST_FILES_SCANNED_HERE } from '../src/project/projectListing';
import { runCliWatchingModules } from './support/cliModules';
import { addFiller, copyQueuesMonorepo, fixQueuesMonorepo, removeAfterEach, writeTree } from './support/queuesMonorepo';

const temporary = removeAfterEach();

const BUILT_PLUGIN = path.resolve(__dirname, '../dist/src/index.js');
const QUEUES_BIN = path.resolve(__dirname, '../dist/src/cli/pgBossQueues.js');
const CACHE_FOLDER = 'node_modules/.cache/eslint-plugin-pg-boss';
/** A kept scan's file: the sha256 of what follows, then the serialized scan. */
const DIGEST_BYTES = 32;
const WORKER = 'apps/worker/src/worker.ts';
const PAYROLL_SEND = "\nawait boss.send('payroll', {});\n";

/**
 * One lint process: `eslint .` over `directory` with `recommended-project`, or `text` for `file` when given
 * (an editor's unsaved text). Prints each report (`file:line:column rule`), how many worker threads the process
 * started and did not stop (a first scan starts one while it lists the project, and stops it if the project is
 * small), and whether it loaded the scan's parser itself (ESLint's is another): a scan on its own thread. A scan
 * taken up from the cache is neither.
 */
const LINT = `
  const path = require('node:path');
  const threads = require('node:worker_threads');
  let started = 0;
  let stopped = 0;
  const Worker = threads.Worker;
  threads.Worker = class extends Worker {
    constructor(...args) {
      super(...args);
      started++;
    }
    terminate() {
      stopped++;
      return super.terminate();
    }
  };
  const [pluginFile, directory, file, text] = process.argv.slice(1);
  const { ESLint } = require('eslint');
  const plugin = require(pluginFile);
  const eslint = new ESLint({
    cwd: directory,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: require('@typescript-eslint/parser') } },
      plugin.configs['recommended-project'],
    ],
  });
  (async () => {
    const results = file ? await eslint.lintText(text, { filePath: path.join(directory, file) }) : await eslint.lintFiles(['.']);
    const reports = results.flatMap((result) =>
      result.messages.map((m) => path.relative(directory, result.filePath) + ':' + m.line + ':' + m.column + ' ' + m.ruleId),
    );
    const parsedHere = Object.keys(require.cache).some((file) => /node_modules[\\/]oxc-parser[\\/]/.test(file));
    console.log(JSON.stringify({ reports: reports.sort(), workers: started - stopped, parsedHere }));
  })();`;

/** What one lint process reported, how many worker threads scanned for it, and whether it parsed the project itself. */
interface LintRun {
  readonly reports: string[];
  readonly workers: number;
  readonly parsedHere: boolean;
}

/** `node`: the command that starts Node, another Node's or one run as another user (`setpriv … node`). */
function lintRun(
  directory: string,
  unsaved?: { file: string; text: string },
  node: readonly string[] = [process.execPath],
): LintRun {
  const args = unsaved ? [unsaved.file, unsaved.text] : [];
  const [command, ...before] = node;
  const { stdout, stderr } = spawnSync(command!, [...before, '-e', LINT, BUILT_PLUGIN, directory, ...args], {
    cwd: path.resolve(__dirname, '..'),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(stderr).toBe('');
  return JSON.parse(stdout) as LintRun;
}

/** One lint process's reports, and how many times it scanned the project (on a worker or on its own thread). */
function lint(...args: Parameters<typeof lintRun>): { reports: string[]; scans: number } {
  const { reports, workers, parsedHere } = lintRun(...args);
  return { reports, scans: workers + (parsedHere ? 1 : 0) };
}

/** Only root can run a process as another user; anyone else runs it as themselves. */
const AS_ROOT = process.getuid?.() === 0;

/** The command that starts Node as the unprivileged user 65534 with `groups` (setpriv's option), when run as root. */
function nodeAsNobody(groups: string): string[] {
  return AS_ROOT ? ['setpriv', '--reuid=65534', '--regid=65534', groups, process.execPath] : [process.execPath];
}

/**
 * The command that starts Node as root without the capabilities that read past file permissions
 * (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), as some containers run it, when run as root.
 */
function nodeAsRootWithoutReadOverride(): string[] {
  return AS_ROOT ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', process.execPath] : [process.execPath];
}

/**
 * `pg-boss-queues --json .` in `directory` started by `node`, right after a lint kept a scan there, then with
 * the cache removed: stdout, stderr and the exit code of each.
 */
function queuesAfterLint(directory: string, node: readonly string[]) {
  const [command, ...before] = node;
  const queues = () => {
    const { stdout, stderr, status } = spawnSync(command!, [...before, QUEUES_BIN, '--json', '.'], {
      cwd: directory,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { stdout, stderr, status };
  };
  const afterLint = queues();
  fs.rmSync(path.join(directory, CACHE_FOLDER), { recursive: true });
  return { afterLint, withoutCache: queues() };
}

/** The fixture monorepo with a `node_modules` folder, where its cache is kept. */
function project(): string {
  const directory = temporary(copyQueuesMonorepo());
  fs.mkdirSync(path.join(directory, 'node_modules'));
  return directory;
}

const SECRET = 'src/secret.ts';

/**
 * A project of two files with a `node_modules` folder, where its cache is kept: SECRET sends to a queue nobody
 * declares, so a scan that could read it reports there, and one that could not prints it skipped.
 */
function secretProject(): string {
  const directory = temporary(
    writeTree({
      [SECRET]: `import { PgBoss } from 'pg-boss';\ndeclare const boss: PgBoss;${PAYROLL_SEND}`,
      'src/a.ts': 'export const a = 1;\n',
    }),
  );
  fs.mkdirSync(path.join(directory, 'node_modules'));
  return directory;
}

const cacheFiles = (directory: string) => fs.readdirSync(path.join(directory, CACHE_FOLDER));

// Each process loads ESLint, the plugin and a parser, which takes seconds on a loaded machine.
describe('a first scan kept for the next process', { timeout: 120_000 }, () => {
  it('is taken up while nothing changed, and made anew after a change on disk', () => {
    const directory = project();
    const first = lint(directory);
    expect(first.reports.length).toBeGreaterThan(0);
    expect(first.scans).toBe(1);
    expect(cacheFiles(directory)).toHaveLength(1);
    expect(lint(directory)).toEqual({ reports: first.reports, scans: 0 });
    // Fixed in place: the cache no longer holds, and the next scan is kept in its stead.
    fixQueuesMonorepo(directory);
    expect(lint(directory)).toEqual({ reports: [], scans: 1 });
    expect(lint(directory)).toEqual({ reports: [], scans: 0 });
    expect(cacheFiles(directory)).toHaveLength(1);
  });

  // Some editors save UTF-8 with a byte order mark, which ESLint takes off the text its rules are handed.
  it('reads files that begin with a byte order mark as ESLint does: one scan, kept, line 1 placed alike', () => {
    const directory = project();
    const sender = 'apps/worker/src/payroll.ts';
    const line = "import { PgBoss } from 'pg-boss'; declare const boss: PgBoss; await boss.send('payroll', {});";
    fs.writeFileSync(path.join(directory, sender), `${line}\n`);
    const sources = fs
      .readdirSync(directory, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.[cm]?[jt]s$/.test(file) && !file.startsWith('node_modules'));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const full = path.join(directory, file);
      fs.writeFileSync(full, `\uFEFF${fs.readFileSync(full, 'utf8')}`);
    }
    const send = `${sender}:1:${line.indexOf('boss.send') + 1}`;
    const first = lint(directory);
    expect(first.reports).toContain(`${send} pg-boss/no-undeclared-queue`);
    expect(first.scans).toBe(1);
    expect(lint(directory)).toEqual({ reports: first.reports, scans: 0 });
    const { stdout } = spawnSync(process.execPath, [QUEUES_BIN, '--json', '.'], { cwd: directory, encoding: 'utf8' });
    const { problems } = JSON.parse(stdout) as QueueInventory;
    const payroll = problems.find(({ queue }) => queue === 'payroll')!.locations;
    expect(payroll.map(({ file, line, column }) => `${file}:${line}:${column}`)).toEqual([send]);
  });

  // A worker's start and module loading cost about 100 ms, more than the whole scan of a small project.
  it("scans a small project on the lint's thread and a large one on a worker, and keeps both", () => {
    const small = project();
    expect(lintRun(small)).toMatchObject({ workers: 0, parsedHere: true });
    expect(lintRun(small)).toMatchObject({ workers: 0, parsedHere: false });
    const large = project();
    addFiller(large, MOST_FILES_SCANNED_HERE);
    const first = lintRun(large);
    expect(first).toMatchObject({ workers: 1, parsedHere: false });
    expect(lintRun(large)).toEqual({ ...first, workers: 0 });
    expect(first.reports).toEqual(lint(small).reports);
    // Few files, but large ones: their texts would stay on the lint's thread for later scans.
    const heavy = project();
    fs.writeFileSync(path.join(heavy, 'notes.ts'), `export {};\n//${'x'.repeat(MOST_BYTES_SCANNED_HERE)}\n`);
    expect(lintRun(heavy)).toMatchObject({ workers: 1, parsedHere: false, reports: first.reports });
  });

  // pg-boss-queues read and parsed the whole tree again right after a lint that had just done so.
  it('is taken up by pg-boss-queues asked what the rules ask, which prints what a scan of its own would', () => {
    const directory = project();
    const queues = (...args: string[]) =>
      runCliWatchingModules('dist/src/cli/pgBossQueues.js', [...args, '.'], directory);
    const scanned = queues('--json');
    expect(scanned.status).toBe(1);
    expect(scanned.heavy).toContain('oxc-parser');
    lint(directory);
    expect(queues('--json')).toEqual({ ...scanned, heavy: [] });
    // The kept scan read the default extensions and judged test code apart: asked otherwise, the command scans.
    for (const options of [['--include-tests'], ['--extensions', 'ts,js']])
      expect(queues('--json', ...options).heavy, options.join(' ')).toContain('oxc-parser');
    // It takes up no scan that a change on disk made stale, and keeps none of its own.
    fixQueuesMonorepo(directory);
    for (let run = 0; run < 2; run++)
      expect(queues('--json')).toMatchObject({ status: 0, heavy: expect.arrayContaining(['oxc-parser']) });
  });

  // An editor's ESLint server on the editor's own Node and `eslint .` on the system's replaced each other's
  // kept scan, which the other could not take up: each process scanned the tree again.
  it('is kept apart for each Node, so that two in turn each take up their own', () => {
    const directory = project();
    const otherNode = [
      execFileSync('npm', ['run', '--silent', 'node-22', '--', '-p', 'process.execPath'], {
        cwd: path.resolve(__dirname, '..'),
        encoding: 'utf8',
      }).trim(),
    ];
    const { reports } = lint(directory);
    expect(lint(directory, undefined, otherNode)).toEqual({ reports, scans: 1 });
    expect(cacheFiles(directory)).toHaveLength(2);
    expect(lint(directory)).toEqual({ reports, scans: 0 });
    expect(lint(directory, undefined, otherNode)).toEqual({ reports, scans: 0 });
  });

  // A scan kept by a process in a group that could read a file was taken up by the same user outside that
  // group, and pg-boss-queues printed the queue of a file that user could not read.
  it('is not taken up by the same user in other groups', () => {
    const directory = secretProject();
    if (AS_ROOT) {
      execFileSync('chown', ['-R', '65534:65534', directory]);
      fs.chownSync(path.join(directory, SECRET), 0, 50);
      fs.chmodSync(path.join(directory, SECRET), 0o040);
    }
    expect(lint(directory, undefined, nodeAsNobody('--groups=50')).reports).toEqual([
      'src/secret.ts:3:7 pg-boss/no-undeclared-queue',
    ]);
    const { afterLint, withoutCache } = queuesAfterLint(directory, nodeAsNobody('--clear-groups'));
    expect(afterLint).toEqual(withoutCache);
    if (AS_ROOT) expect(withoutCache.stderr).toMatch(/^skipped src\/secret\.ts: could not read/m);
  });

  // A root whose container dropped the capabilities to read past permissions took up the scan of a root that
  // had them, and pg-boss-queues printed the queue of a file it could not read.
  it('is not taken up by root without the capabilities to read past permissions', () => {
    const directory = secretProject();
    if (AS_ROOT) fs.chmodSync(path.join(directory, SECRET), 0o000);
    expect(lint(directory).reports).toEqual(['src/secret.ts:3:7 pg-boss/no-undeclared-queue']);
    const { afterLint, withoutCache } = queuesAfterLint(directory, nodeAsRootWithoutReadOverride());
    expect(afterLint).toEqual(withoutCache);
    if (AS_ROOT) expect(withoutCache.stderr).toMatch(/^skipped src\/secret\.ts: could not read/m);
  });

  // A small project is listed before its scan reads it, and the scan takes up that listing: a folder that
  // could not be listed must still be among the files the kept scan skipped, as pg-boss-queues prints them.
  it('keeps what could not be read in the scan it keeps', () => {
    const directory = project();
    const locked = path.join(directory, 'packages/locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, 'index.ts'), 'export {};\n');
    if (AS_ROOT) execFileSync('chown', ['-R', '65534:65534', directory]);
    fs.chmodSync(locked, 0o000);
    try {
      // One file's lint, as an editor's: ESLint's own listing of the tree stops at the folder.
      const text = fs.readFileSync(path.join(directory, WORKER), 'utf8');
      lint(directory, { file: WORKER, text }, nodeAsNobody('--clear-groups'));
      const { afterLint, withoutCache } = queuesAfterLint(directory, nodeAsNobody('--clear-groups'));
      expect(afterLint).toEqual(withoutCache);
      expect(withoutCache.stderr).toMatch(/^skipped packages\/locked: could not read directory/m);
    } finally {
      fs.chmodSync(locked, 0o700);
    }
  });

  it('judges an unsaved text by that text, not by the scan it takes up', () => {
    const directory = project();
    fixQueuesMonorepo(directory);
    lint(directory);
    const text = fs.readFileSync(path.join(directory, WORKER), 'utf8') + PAYROLL_SEND;
    const { reports, scans } = lint(directory, { file: WORKER, text });
    // The kept scan holds no texts: the scan with the unsaved text reads and parses the tree on this thread.
    expect(scans).toBe(1);
    expect(reports).toEqual([`${WORKER}:${text.trimEnd().split('\n').length}:7 pg-boss/no-undeclared-queue`]);
  });

  it('is not taken up after a file is added or ignored, or a manifest changes what pg-boss does', () => {
    const directory = project();
    fixQueuesMonorepo(directory);
    lint(directory);
    fs.writeFileSync(
      path.join(directory, 'apps/worker/src/payroll.ts'),
      `import { PgBoss } from 'pg-boss';\ndeclare const boss: PgBoss;${PAYROLL_SEND}`,
    );
    const added = lint(directory);
    expect(added.scans).toBe(1);
    expect(added.reports).toEqual(['apps/worker/src/payroll.ts:3:7 pg-boss/no-undeclared-queue']);
    // Where git lists the files, a .gitignore edited in place takes the file out again.
    execFileSync('git', ['init', '--quiet', directory]);
    fs.writeFileSync(path.join(directory, '.gitignore'), 'node_modules\n');
    expect(lint(directory)).toEqual(added);
    fs.appendFileSync(path.join(directory, '.gitignore'), 'payroll.ts\n');
    expect(lint(directory)).toEqual({ reports: [], scans: 1 });
    // pg-boss 9 created a queue on its first job: no queue is undeclared there.
    for (const manifest of ['package.json', 'apps/worker/package.json']) {
      const file = path.join(directory, manifest);
      if (fs.existsSync(file))
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"(?:\^|~)?1\d\.[\d.]+"/g, '"^9.0.0"'));
    }
    expect(lint(directory)).toEqual({ reports: [], scans: 1 });
  });

  it('removes, as it keeps a scan, what a writer that ended before renaming its own left beside it', () => {
    const directory = project();
    lint(directory);
    const [kept] = cacheFiles(directory);
    const folder = path.join(directory, CACHE_FOLDER);
    // A process that ended while its worker wrote (one long ago, one that may still be writing).
    fs.writeFileSync(path.join(folder, `${kept}.4242-1`), '');
    fs.writeFileSync(path.join(folder, `${kept}.4243-1`), '');
    const longAgo = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(path.join(folder, `${kept}.4242-1`), longAgo, longAgo);
    fixQueuesMonorepo(directory);
    expect(lint(directory).scans).toBe(1);
    expect(cacheFiles(directory).sort()).toEqual([kept, `${kept}.4243-1`]);
  });

  it('scans as if there were none when the cache cannot be read or written', () => {
    const directory = project();
    const { reports } = lint(directory);
    const [file] = cacheFiles(directory);
    const cache = path.join(directory, CACHE_FOLDER, file!);
    fs.writeFileSync(cache, 'not a scan');
    expect(lint(directory)).toEqual({ reports, scans: 1 });
    // A pipe there made the read wait for a writer forever; a link to a device read without end.
    fs.rmSync(cache);
    execFileSync('mkfifo', [cache]);
    expect(lint(directory)).toEqual({ reports, scans: 1 });
    fs.rmSync(cache);
    fs.symlinkSync('/dev/zero', cache);
    expect(lint(directory)).toEqual({ reports, scans: 1 });
    // Under the right key, a scan of another shape made every lint throw, and was never replaced.
    lint(directory);
    const kept = v8.deserialize(fs.readFileSync(cache).subarray(DIGEST_BYTES)) as {
      key: string;
      first: { files: object };
    };
    const payload = v8.serialize({ ...kept, first: { ...kept.first, files: { ...kept.first.files, digests: {} } } });
    fs.writeFileSync(cache, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    expect(lint(directory)).toEqual({ reports, scans: 1 });
    expect(lint(directory)).toEqual({ reports, scans: 0 });
    // A byte of a queue's name changed keeps the file's shape: it was taken up, and reported by that name.
    const bytes = fs.readFileSync(cache);
    const at = bytes.indexOf('transcribe', DIGEST_BYTES);
    expect(at).toBeGreaterThan(0);
    bytes[at + 9] = 'X'.charCodeAt(0);
    fs.writeFileSync(cache, bytes);
    expect(lint(directory)).toEqual({ reports, scans: 1 });
    expect(lint(directory)).toEqual({ reports, scans: 0 });
    // Where the cache's folder cannot be made, the scan is not kept, and nothing else changes.
    fs.rmSync(path.join(directory, 'node_modules/.cache'), { recursive: true });
    fs.writeFileSync(path.join(directory, 'node_modules/.cache'), '');
    expect(lint(directory)).toEqual({ reports, scans: 1 });
    expect(lint(directory)).toEqual({ reports, scans: 1 });
  });

  // git's index and exclude files, and a repository made around the project, change what git lists; none of
  // them is a file the scan stamps.
  it('is not taken up when git lists other files', () => {
    const directory = project();
    const payroll = 'apps/worker/src/payroll.ts';
    fs.writeFileSync(
      path.join(directory, payroll),
      `import { PgBoss } from 'pg-boss';\ndeclare const boss: PgBoss;${PAYROLL_SEND}`,
    );
    fs.writeFileSync(path.join(directory, '.gitignore'), 'node_modules\npayroll.ts\n');
    const reported = `${payroll}:3:7 pg-boss/no-undeclared-queue`;
    expect(lint(directory).reports).toContain(reported);
    // A repository made around the project: git now lists the files, without the ignored one.
    execFileSync('git', ['init', '--quiet', directory]);
    expect(lint(directory)).toMatchObject({ scans: 1, reports: expect.not.arrayContaining([reported]) });
    // Added to the index despite .gitignore: listed again.
    execFileSync('git', ['-C', directory, 'add', '--force', payroll]);
    expect(lint(directory)).toMatchObject({ scans: 1, reports: expect.arrayContaining([reported]) });
    execFileSync('git', ['-C', directory, 'rm', '--cached', '--quiet', payroll]);
    fs.writeFileSync(path.join(directory, '.gitignore'), 'node_modules\n');
    expect(lint(directory).reports).toContain(reported);
    fs.appendFileSync(path.join(directory, '.git/info/exclude'), `${payroll}\n`);
    expect(lint(directory)).toMatchObject({ scans: 1, reports: expect.not.arrayContaining([reported]) });
  });

  // The module was looked for outside the project's folders, which nothing watched: it stayed unresolved,
  // and a module that comes before the one found there (`names.ts` beside `names.js`) went unseen.
  it('is not taken up once a module imported from outside the project is written', () => {
    const directory = temporary(
      writeTree({
        'app/package.json': '{ "dependencies": { "pg-boss": "^10.1.0" } }\n',
        'app/src/send.ts': `import { PgBoss } from 'pg-boss';\nimport { QUEUE } from '../../shared/names';\ndeclare const boss: PgBoss;\nawait boss.send(QUEUE, {});\nawait boss.createQueue('declared');\n`,
      }),
    );
    const app = path.join(directory, 'app');
    fs.mkdirSync(path.join(app, 'node_modules'));
    expect(lint(app)).toEqual({ reports: [], scans: 1 });
    expect(lint(app)).toEqual({ reports: [], scans: 0 });
    fs.mkdirSync(path.join(directory, 'shared'));
    fs.writeFileSync(path.join(directory, 'shared/names.js'), "export const QUEUE = 'payroll';\n");
    expect(lint(app)).toEqual({ reports: ['src/send.ts:4:7 pg-boss/no-undeclared-queue'], scans: 1 });
    fs.writeFileSync(path.join(directory, 'shared/names.ts'), "export const QUEUE = 'declared';\n");
    expect(lint(app)).toEqual({ reports: [], scans: 1 });
  });

  // A config that `references` names but that is not there yet left no look behind to watch.
  it('is not taken up once a config that a tsconfig.json references is written', () => {
    const directory = temporary(
      writeTree({
        'app/package.json': '{ "dependencies": { "pg-boss": "^10.1.0" } }\n',
        'app/tsconfig.json':
          '{ "files": [], "references": [{ "path": "../shared" }, { "path": "./tsconfig.app.json" }] }\n',
        'app/tsconfig.app.json':
          '{ "include": ["src/**/*"], "compilerOptions": { "paths": { "@names/*": ["./src/alpha/*"] } } }\n',
        'app/src/send.ts': `import { PgBoss } from 'pg-boss';\nimport { QUEUE } from '@names/queue';\ndeclare const boss: PgBoss;\nawait boss.send(QUEUE, {});\nawait boss.createQueue('alpha');\n`,
        'app/src/alpha/queue.ts': "export const QUEUE = 'alpha';\n",
        'app/src/beta/queue.ts': "export const QUEUE = 'beta';\n",
      }),
    );
    const app = path.join(directory, 'app');
    fs.mkdirSync(path.join(app, 'node_modules'));
    expect(lint(app)).toEqual({ reports: [], scans: 1 });
    fs.mkdirSync(path.join(directory, 'shared'));
    fs.writeFileSync(
      path.join(directory, 'shared/tsconfig.json'),
      '{ "include": ["../app/src/**/*"], "compilerOptions": { "paths": { "@names/*": ["../app/src/beta/*"] } } }\n',
    );
    expect(lint(app)).toEqual({ reports: ['src/send.ts:4:7 pg-boss/no-undeclared-queue'], scans: 1 });
  });

  // The search for the tsconfig.json of a module outside the project climbed folders that nothing watched.
  it('is not taken up once a tsconfig.json is written above a module imported from outside the project', () => {
    const directory = temporary(
      writeTree({
        'app/package.json': '{ "dependencies": { "pg-boss": "^10.1.0" } }\n',
        'app/src/send.ts': `import { PgBoss } from 'pg-boss';\nimport { QUEUE } from '../../lib/deep/names';\ndeclare const boss: PgBoss;\nawait boss.send(QUEUE, {});\n`,
        'lib/deep/names.ts': "import { NAME } from '@consts/name';\nexport const QUEUE = NAME;\n",
        'lib/consts/name.ts': "export const NAME = 'payroll';\n",
      }),
    );
    const app = path.join(directory, 'app');
    fs.mkdirSync(path.join(app, 'node_modules'));
    expect(lint(app)).toEqual({ reports: [], scans: 1 });
    fs.writeFileSync(
      path.join(directory, 'lib/tsconfig.json'),
      '{ "compilerOptions": { "baseUrl": ".", "paths": { "@consts/*": ["consts/*"] } } }\n',
    );
    expect(lint(app)).toEqual({ reports: ['src/send.ts:4:7 pg-boss/no-undeclared-queue'], scans: 1 });
  });

  it('is kept nowhere in a tree without a node_modules folder', () => {
    const directory = temporary(copyQueuesMonorepo());
    expect(lint(directory).scans).toBe(1);
    expect(lint(directory).scans).toBe(1);
    expect(fs.existsSync(path.join(directory, 'node_modules'))).toBe(false);
  });
});
