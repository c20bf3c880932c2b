import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint as ESLint10 } from 'eslint';
import { describe, expect, it, vi } from 'vitest';
import plugin from '../src';
import { DEFAULT_EXTENSIONS, readExtensions } from '../src/files/readExtensions';
import { scanQueues } from '../src/inventory/scanQueues';
import { listQueueFiles } from '../src/inventory/queueFiles';
import { currentOnDisk, ProjectFiles, type ProjectFilesState } from '../src/project/projectFiles';
import { MOST_FILES_SCANNED_HERE } from '../src/project/projectListing';
import { startScanWorker } from '../src/project/scanOnWorker';
import { LOOK_WINDOW_MS } from '../src/util/diskLook';
import { inventoryReports, projectRulesOptions, reports } from './support/projectRuleReports';
import { addFiller, copyQueuesMonorepo, fixQueuesMonorepo, removeAfterEach } from './support/queuesMonorepo';
import { ESLINT_POOR_CONCURRENCY, withExpectedWarnings } from './support/withExpectedWarnings';

// eslint-9 is an npm alias of ESLint 9, installed beside ESLint 10.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ESLint: ESLint9 } = require('eslint-9') as { ESLint: typeof ESLint10 };

// Each case lints a whole project, which a loaded machine can take several seconds to do.
vi.setConfig({ testTimeout: 30_000 });

const temporary = removeAfterEach();

/** A fresh copy of the fixture monorepo, linted from its root as the editor's ESLint server would. */
function monorepo(): string {
  return temporary(copyQueuesMonorepo());
}

const RUNS = 'packages/api/src/routes/runs.ts';
const SHARED_QUEUES = 'packages/queues/src/index.ts';
const WORKER = 'apps/worker/src/worker.ts';
/** A wrapper's caller that a test adds: it names no pg-boss method. */
const INVOICES = 'packages/api/src/routes/invoices.ts';
/** The fixture's four problems, at each place the editor shows them. */
const FIXTURE_REPORTS = [
  'apps/worker/src/digestWorker.cjs:7:9 pg-boss/no-undeclared-queue',
  `${WORKER}:20:9 pg-boss/no-conflicting-queue-options`,
  'packages/api/src/jobQueue.ts:23:11 pg-boss/no-conflicting-queue-options',
  `${RUNS}:16:9 pg-boss/no-undeclared-queue`,
  `${SHARED_QUEUES}:40:11 pg-boss/no-undeclared-queue`,
];

const PAYROLL_SEND = "\nexport const payroll = () => boss.send('payroll', {});\n";

/**
 * The monorepo with a route that sends to a queue named in `packages/api/src/names.ts`, imported through
 * the alias `@names`, which each test sets in a tsconfig of its own making.
 */
function monorepoWithAliasedSend(): { directory: string; api: string; aliased: string } {
  const directory = monorepo();
  const api = path.join(directory, 'packages/api');
  const aliased = 'packages/api/src/routes/aliased.ts';
  fs.writeFileSync(path.join(api, 'src/names.ts'), "export const PAYROLL = 'payroll';\n");
  fs.writeFileSync(
    path.join(directory, aliased),
    "import { PAYROLL } from '@names';\nimport boss from '../boss.js';\n\nexport const pay = () => boss.send(PAYROLL, {});\n",
  );
  return { directory, api, aliased };
}

describe.each([
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9],
])('%s with recommended-project, in one process', (_label, ESLint) => {
  const createESLint = (cwd: string, settings?: object) => new ESLint(projectRulesOptions(cwd, settings));

  /** A fresh fixture, and one ESLint's lint of RUNS with a send of "payroll" added in unsaved text. */
  function withUnsavedPayrollSend(): {
    directory: string;
    eslint: ReturnType<typeof createESLint>;
    lintEdited: () => Promise<string[]>;
  } {
    const directory = monorepo();
    const eslint = createESLint(directory);
    const runs = path.join(directory, RUNS);
    const edited = fs.readFileSync(runs, 'utf8') + PAYROLL_SEND;
    return {
      directory,
      eslint,
      lintEdited: async () => reports(directory, await eslint.lintText(edited, { filePath: runs })),
    };
  }

  it('reports the undeclared use, the undeclared dead letter and both conflicting declarations', async () => {
    const directory = monorepo();
    const results = await createESLint(directory).lintFiles(['.']);
    expect(reports(directory, results)).toEqual(FIXTURE_REPORTS);
    const messages = results.flatMap((result) => result.messages.map((message) => message.message));
    expect(messages).toContain(
      'Queue "weekly_digest" is declared nowhere in this project: pg-boss 10 drops its jobs, 11+ throws. Declare it with createQueue.',
    );
    expect(messages).toContain(
      'Dead letter "notifs_dlq" is declared nowhere in this project: creating this queue fails. Declare "notifs_dlq" first.',
    );
    expect(messages).toContain(
      'Queue "transcribe" is also declared with other options at apps/worker/src/worker.ts:20:9: the first process to start decides its policy. Declare it once.',
    );
  });

  it('sees files fixed on disk at the next lint, and a declaration removed again', async () => {
    const directory = monorepo();
    const eslint = createESLint(directory);
    const original = fs.readFileSync(path.join(directory, SHARED_QUEUES), 'utf8');
    // Every file linted once, so that each lint below is a re-lint, which always looks at the disk again.
    expect(reports(directory, await eslint.lintFiles(['.']))).toEqual(FIXTURE_REPORTS);

    fixQueuesMonorepo(directory);
    expect(reports(directory, await eslint.lintFiles(['.']))).toEqual([]);

    fs.writeFileSync(path.join(directory, SHARED_QUEUES), original);
    expect(reports(directory, await eslint.lintFiles([RUNS]))).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);
  });

  it('looks at the project on disk about once a second of a whole-tree lint, and at every re-lint', async () => {
    const directory = monorepo();
    for (let index = 0; index < 60; index++)
      fs.writeFileSync(
        path.join(directory, `packages/api/src/routes/page${index}.ts`),
        `export const page = ${index};\n`,
      );
    // Each look at the disk is one refresh of the project's files: a stat of each watched file and folder.
    const refresh = vi.spyOn(ProjectFiles.prototype, 'refresh');
    const eslint = createESLint(directory);
    const started = performance.now();
    const results = await eslint.lintFiles(['.']);
    const elapsed = performance.now() - started;
    const looks = refresh.mock.calls.length;
    expect(results.length).toBeGreaterThan(60);
    expect(reports(directory, results)).toEqual(FIXTURE_REPORTS);
    // One look when the project is read, then at most one a window: a bound that a slow run only widens.
    expect(looks).toBeGreaterThanOrEqual(1);
    expect(looks).toBeLessThanOrEqual(Math.floor(elapsed / LOOK_WINDOW_MS) + 1);

    // A declaration added on disk a moment later is seen by the next lint of a file linted before.
    fs.writeFileSync(
      path.join(directory, 'packages/api/src/digestQueue.ts'),
      "import boss from './boss.js';\n\nexport const declareDigest = () => boss.createQueue('weekly_digest');\n",
    );
    expect(reports(directory, await eslint.lintFiles([RUNS]))).toEqual([]);
    expect(refresh.mock.calls.length).toBe(looks + 1);
    refresh.mockRestore();
  });

  it('sees a file added in a folder that held no linted file, at the next lint of a file linted before', async () => {
    const directory = monorepo();
    // A folder with nothing the scan lists (only notes, or empty) when the project is first read.
    const notes = path.join(directory, 'packages/api/src/queues');
    fs.mkdirSync(notes);
    fs.writeFileSync(path.join(notes, 'README.md'), '# Queues\n');
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles(['.']))).toEqual(FIXTURE_REPORTS);

    const digest = path.join(notes, 'digestQueue.ts');
    fs.writeFileSync(
      digest,
      "import boss from '../boss.js';\n\nexport const declareDigest = () => boss.createQueue('weekly_digest');\n",
    );
    const digestWorker = 'apps/worker/src/digestWorker.cjs';
    expect(reports(directory, await eslint.lintFiles([digestWorker]))).toEqual([]);
    // And the new file's own problems, at its first lint and at every one after.
    fs.appendFileSync(digest, PAYROLL_SEND);
    for (let lint = 0; lint < 2; lint++)
      expect(reports(directory, await eslint.lintFiles([digest]))).toEqual([
        'packages/api/src/queues/digestQueue.ts:5:30 pg-boss/no-undeclared-queue',
      ]);
  });

  it('judges a file created after the project was listed by its own text, at its first lint within the window', async () => {
    const directory = monorepo();
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([RUNS]))).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);
    const payroll = 'packages/api/src/routes/payroll.ts';
    fs.writeFileSync(
      path.join(directory, payroll),
      "import boss from '../boss.js';\n\nexport const pay = () => boss.send('payroll', {});\n",
    );
    expect(reports(directory, await eslint.lintFiles([payroll]))).toEqual([
      `${payroll}:3:26 pg-boss/no-undeclared-queue`,
    ]);
  });

  it("follows what git lists at the next lint when a file leaves or joins git's index, or its exclude file", async () => {
    const directory = monorepo();
    execFileSync('git', ['init', '--quiet', directory]);
    fs.writeFileSync(path.join(directory, '.gitignore'), 'generated/\n');
    fs.mkdirSync(path.join(directory, 'generated'));
    // Tracked though ignored (added with -f): git lists it, and it declares the queue RUNS schedules.
    fs.writeFileSync(
      path.join(directory, 'generated/digestQueue.ts'),
      "import boss from '../packages/api/src/boss.js';\n\nexport const declareDigest = () => boss.createQueue('weekly_digest');\n",
    );
    const git = (...args: string[]) => execFileSync('git', args, { cwd: directory });
    git('add', '--force', 'generated/digestQueue.ts');
    const eslint = createESLint(directory);
    const runs = async () => reports(directory, await eslint.lintFiles([RUNS]));
    expect(await runs()).toEqual([]);
    git('rm', '--quiet', '--cached', 'generated/digestQueue.ts');
    expect(await runs()).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);
    git('add', '--force', 'generated/digestQueue.ts');
    expect(await runs()).toEqual([]);
    // Untracked, it is listed until the exclude file leaves it out.
    git('rm', '--quiet', '--cached', 'generated/digestQueue.ts');
    fs.writeFileSync(path.join(directory, '.gitignore'), '');
    expect(await runs()).toEqual([]);
    fs.appendFileSync(path.join(directory, '.git/info/exclude'), 'generated/\n');
    expect(await runs()).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);
  });

  it('keeps linting when a file it read becomes a link that leads nowhere it can stat, as if the file were gone', async () => {
    const directory = monorepo();
    const digest = path.join(directory, 'packages/api/src/digestQueue.ts');
    fs.writeFileSync(
      digest,
      "import boss from './boss.js';\n\nexport const declareDigest = () => boss.createQueue('weekly_digest');\n",
    );
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([RUNS]))).toEqual([]);

    // Two links to each other: a stat of either fails with ELOOP, not "no such file".
    fs.rmSync(digest);
    fs.symlinkSync('digestLoop.ts', digest);
    fs.symlinkSync('digestQueue.ts', path.join(directory, 'packages/api/src/digestLoop.ts'));
    expect(reports(directory, await eslint.lintFiles([RUNS]))).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);
  });

  it("follows a package's pg-boss range at the next lint when it is upgraded past 9, written in place", async () => {
    const directory = monorepo();
    const manifest = path.join(directory, 'apps/worker/package.json');
    const upgraded = fs.readFileSync(manifest, 'utf8');
    // pg-boss 9 created a queue on its first job: the worker's undeclared queue is no problem yet.
    fs.writeFileSync(manifest, upgraded.replace('"pg-boss": "^12.0.0"', '"pg-boss": "^9.0.3"'));
    const digestWorker = 'apps/worker/src/digestWorker.cjs';
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles(['.']))).toEqual(
      FIXTURE_REPORTS.filter((report) => !report.startsWith(digestWorker)),
    );

    fs.writeFileSync(manifest, upgraded);
    expect(reports(directory, await eslint.lintFiles([digestWorker]))).toEqual([
      `${digestWorker}:7:9 pg-boss/no-undeclared-queue`,
    ]);
  });

  it("follows a tsconfig.json's path aliases at the next lint when they are edited in place", async () => {
    const { directory, api, aliased } = monorepoWithAliasedSend();
    const tsconfig = path.join(api, 'tsconfig.json');
    // An alias to a file that is not there: the queue's name is unknown, so nothing is reported.
    const aliasTo = (target: string) => JSON.stringify({ compilerOptions: { paths: { '@names': [target] } } });
    fs.writeFileSync(tsconfig, aliasTo('./src/nameless.ts'));
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([]);

    fs.writeFileSync(tsconfig, aliasTo('./src/names.ts'));
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([
      `${aliased}:4:26 pg-boss/no-undeclared-queue`,
    ]);
  });

  it('follows the path aliases of the configs a tsconfig.json extends, in the tree or a package, edited in place', async () => {
    const { directory, api, aliased } = monorepoWithAliasedSend();
    // The tsconfig.json itself never changes: only the configs it extends do, which no listed folder holds.
    const shared = path.join(directory, 'node_modules/@acme/tsconfig');
    fs.mkdirSync(shared, { recursive: true });
    fs.writeFileSync(path.join(shared, 'package.json'), JSON.stringify({ name: '@acme/tsconfig', version: '1.0.0' }));
    fs.writeFileSync(
      path.join(api, 'tsconfig.json'),
      JSON.stringify({ extends: ['@acme/tsconfig/paths.json', './tsconfig.base.json'] }),
    );
    const packageConfig = path.join(shared, 'paths.json');
    const baseConfig = path.join(api, 'tsconfig.base.json');
    // An alias to a file that is not there: the queue's name is unknown, so nothing is reported.
    const aliasTo = (target: string) =>
      JSON.stringify({ compilerOptions: { paths: { '@names': [`\${configDir}/src/${target}`] } } });
    fs.writeFileSync(packageConfig, aliasTo('nameless.ts'));
    fs.writeFileSync(baseConfig, '{}');
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([]);

    fs.writeFileSync(packageConfig, aliasTo('names.ts'));
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([
      `${aliased}:4:26 pg-boss/no-undeclared-queue`,
    ]);

    // The later config of `extends` wins.
    fs.writeFileSync(baseConfig, aliasTo('nameless.ts'));
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([]);
  });

  it('follows the path aliases of a config a solution-style tsconfig.json references, edited in place', async () => {
    const { directory, api, aliased } = monorepoWithAliasedSend();
    // The tsconfig.json compiles nothing itself; the referenced config, which no listed name shows, does.
    fs.writeFileSync(
      path.join(api, 'tsconfig.json'),
      JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }] }),
    );
    const appConfig = path.join(api, 'tsconfig.app.json');
    // An alias to a file that is not there: the queue's name is unknown, so nothing is reported.
    const aliasTo = (target: string) =>
      JSON.stringify({ compilerOptions: { paths: { '@names': [`./src/${target}`] } }, include: ['src'] });
    fs.writeFileSync(appConfig, aliasTo('nameless.ts'));
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([]);

    fs.writeFileSync(appConfig, aliasTo('names.ts'));
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([
      `${aliased}:4:26 pg-boss/no-undeclared-queue`,
    ]);
  });

  it('follows a config a solution-style tsconfig.json references once it is written', async () => {
    const { directory, api, aliased } = monorepoWithAliasedSend();
    fs.writeFileSync(
      path.join(api, 'tsconfig.json'),
      JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }] }),
    );
    // The referenced config is not there yet: TypeScript resolves nothing by it, so nothing is reported.
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([]);

    fs.writeFileSync(
      path.join(api, 'tsconfig.app.json'),
      JSON.stringify({ compilerOptions: { paths: { '@names': ['./src/names.ts'] } }, include: ['src'] }),
    );
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([
      `${aliased}:4:26 pg-boss/no-undeclared-queue`,
    ]);
  });

  it('follows a config a tsconfig.json extends once the package that holds it is installed', async () => {
    const { directory, api, aliased } = monorepoWithAliasedSend();
    fs.writeFileSync(
      path.join(api, 'tsconfig.json'),
      JSON.stringify({ extends: ['@acme/tsconfig/paths.json', './tsconfig.base.json'] }),
    );
    const aliasTo = (target: string) =>
      JSON.stringify({ compilerOptions: { paths: { '@names': [`\${configDir}/src/${target}`] } } });
    fs.writeFileSync(path.join(api, 'tsconfig.base.json'), '{}');
    // Another package of the scope is installed, not this one yet: TypeScript resolves nothing by the
    // tsconfig.json, so nothing is reported.
    const scope = path.join(directory, 'node_modules/@acme');
    fs.mkdirSync(path.join(scope, 'eslint-config'), { recursive: true });
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([]);

    // Installed now, into a node_modules no listed folder holds.
    const shared = path.join(scope, 'tsconfig');
    fs.mkdirSync(shared);
    fs.writeFileSync(path.join(shared, 'package.json'), JSON.stringify({ name: '@acme/tsconfig', version: '1.0.0' }));
    fs.writeFileSync(path.join(shared, 'paths.json'), aliasTo('names.ts'));
    expect(reports(directory, await eslint.lintFiles([aliased]))).toEqual([
      `${aliased}:4:26 pg-boss/no-undeclared-queue`,
    ]);
  });

  it('reports a new queue in unsaved text before it is saved, and notices a new file that declares it', async () => {
    const { directory, eslint, lintEdited } = withUnsavedPayrollSend();
    expect(await lintEdited()).toEqual([
      `${RUNS}:16:9 pg-boss/no-undeclared-queue`,
      `${RUNS}:19:30 pg-boss/no-undeclared-queue`,
    ]);
    // The disk still has the file without the edit.
    expect(reports(directory, await eslint.lintFiles([RUNS]))).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);

    const payroll = path.join(directory, 'apps/worker/src/payroll.ts');
    fs.writeFileSync(
      payroll,
      "import type { PgBoss } from 'pg-boss';\n\nexport const declarePayroll = (boss: PgBoss) => boss.createQueue('payroll');\n",
    );
    expect(await lintEdited()).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);

    fs.rmSync(payroll);
    expect(await lintEdited()).toContain(`${RUNS}:19:30 pg-boss/no-undeclared-queue`);
  });

  it('reports at the file itself when the project is opened through a linked folder and a link to the file sits beside it', async () => {
    const directory = temporary(fs.mkdtempSync(path.join(os.tmpdir(), 'linked-project-')));
    fs.mkdirSync(path.join(directory, 'real/src'), { recursive: true });
    fs.writeFileSync(
      path.join(directory, 'real/src/one.ts'),
      "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss('x');\nawait boss.send('emails', {});\n",
    );
    fs.symlinkSync('one.ts', path.join(directory, 'real/src/alias.ts'));
    fs.symlinkSync('real', path.join(directory, 'linked'));
    for (const project of ['real', 'linked'].map((name) => path.join(directory, name)))
      expect(reports(project, await createESLint(project).lintFiles(['src/one.ts']))).toEqual([
        'src/one.ts:3:7 pg-boss/no-undeclared-queue',
      ]);
  });

  it('notices a file replaced by another of the same size and modification time', async () => {
    // A rename over it (a checkout, a build's output): only the status change time tells the two apart.
    const { directory, lintEdited } = withUnsavedPayrollSend();
    const declaring = (queue: string) =>
      `import type { PgBoss } from 'pg-boss';\n\nexport const declare = (boss: PgBoss) => boss.createQueue('${queue}');\n`;
    const payroll = path.join(directory, 'apps/worker/src/payroll.ts');
    const other = path.join(directory, 'apps/worker/src/other.ts');
    fs.writeFileSync(payroll, declaring('payroll'));
    fs.writeFileSync(other, declaring('payrolx'));
    const then = new Date('2024-01-01T00:00:00Z');
    for (const file of [payroll, other]) fs.utimesSync(file, then, then);
    expect(await lintEdited()).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);

    fs.renameSync(other, payroll);
    expect(await lintEdited()).toContain(`${RUNS}:19:30 pg-boss/no-undeclared-queue`);
  });

  it("reports both rules' problems in one file, each rule its own, from one lint", async () => {
    // The two rules of a lint share one look at the project; each still reports only its own kinds.
    const directory = monorepo();
    const worker = path.join(directory, WORKER);
    const text = fs.readFileSync(worker, 'utf8') + PAYROLL_SEND;
    expect(reports(directory, await createESLint(directory).lintText(text, { filePath: worker }))).toEqual([
      `${WORKER}:20:9 pg-boss/no-conflicting-queue-options`,
      `${WORKER}:28:30 pg-boss/no-undeclared-queue`,
    ]);
  });

  it('judges a new file the editor has not saved yet with the project', async () => {
    const directory = monorepo();
    const payroll = path.join(directory, 'packages/api/src/routes/payroll.ts');
    const text = "import boss from '../boss.js';\n\nexport const pay = () => boss.send('payroll', {});\n";
    const results = await createESLint(directory).lintText(text, { filePath: payroll });
    expect(reports(directory, results)).toEqual([
      'packages/api/src/routes/payroll.ts:3:26 pg-boss/no-undeclared-queue',
    ]);
  });

  it('leaves a new file the editor has not saved yet out of the project where git would not list it saved', async () => {
    const directory = monorepo();
    execFileSync('git', ['init', '--quiet', directory]);
    fs.writeFileSync(path.join(directory, '.gitignore'), 'generated/\n');
    const eslint = createESLint(directory);
    const text =
      "import boss from '../packages/api/src/boss.js';\n\nexport const pay = () => boss.send('payroll', {});\n";
    // In a folder not created yet, as the saved file would be: git lists neither.
    const ignored = path.join(directory, 'generated/payroll.ts');
    expect(reports(directory, await eslint.lintText(text, { filePath: ignored }))).toEqual([]);
    fs.mkdirSync(path.dirname(ignored));
    fs.writeFileSync(ignored, text);
    expect(reports(directory, await eslint.lintFiles([ignored]))).toEqual([]);
    // Nor does git list a file of a repository nested in the project's.
    execFileSync('git', ['init', '--quiet', path.join(directory, 'vendor/tool')]);
    const nested = path.join(directory, 'vendor/tool/src/payroll.ts');
    const fromNested = text.replace('../packages/', '../../../packages/');
    expect(reports(directory, await eslint.lintText(fromNested, { filePath: nested }))).toEqual([]);
    // Where git lists files, the same text joins the project unsaved.
    const listed = path.join(directory, 'scripts/payroll.ts');
    expect(reports(directory, await eslint.lintText(text, { filePath: listed }))).toEqual([
      'scripts/payroll.ts:3:26 pg-boss/no-undeclared-queue',
    ]);
  });

  it('judges a file in a folder whose name starts with two dots, saved or new, as a file of the project', async () => {
    const directory = monorepo();
    const scripts = path.join(directory, '..scripts');
    fs.mkdirSync(scripts);
    fs.writeFileSync(path.join(scripts, 'package.json'), '{ "dependencies": { "pg-boss": "^10.1.0" } }\n');
    const text =
      "import { PgBoss } from 'pg-boss';\n\nexport const pay = (boss: PgBoss) => boss.send('payroll', {});\n";
    fs.writeFileSync(path.join(scripts, 'saved.ts'), text);
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles(['..scripts/saved.ts']))).toEqual([
      '..scripts/saved.ts:3:38 pg-boss/no-undeclared-queue',
    ]);
    const unsaved = await eslint.lintText(text, { filePath: path.join(scripts, 'unsaved.ts') });
    expect(reports(directory, unsaved)).toEqual(['..scripts/unsaved.ts:3:38 pg-boss/no-undeclared-queue']);
  });

  it('sees a file that mentioned no queue method once it is linted, even when written in place', async () => {
    const directory = monorepo();
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([RUNS]))).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);
    // Written in place, as some editors save: its folder's modification time does not change.
    const boss = path.join(directory, 'packages/api/src/boss.ts');
    fs.appendFileSync(boss, "\nexport const declared = boss.createQueue('weekly_digest');\n");
    await eslint.lintFiles([boss]);
    expect(reports(directory, await eslint.lintFiles([RUNS]))).toEqual([]);
  });

  it("reports a wrapper's caller in a file that names no pg-boss method, saved or not", async () => {
    const directory = monorepo();
    // The wrapper sends in one file; its caller, in another, mentions neither pg-boss nor any of its methods.
    fs.writeFileSync(
      path.join(directory, 'packages/api/src/enqueue.ts'),
      "import boss from './boss.js';\n\nexport const enqueue = (name: string, data: object) => boss.send(name, data);\n",
    );
    const invoices = path.join(directory, INVOICES);
    fs.writeFileSync(
      invoices,
      "import { enqueue } from '../enqueue.js';\n\nexport const bill = () => enqueue('invoices', {});\n",
    );
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([INVOICES]))).toEqual([
      `${INVOICES}:3:27 pg-boss/no-undeclared-queue`,
    ]);

    const edited = `${fs.readFileSync(invoices, 'utf8')}export const pay = () => enqueue('payroll', {});\n`;
    expect(reports(directory, await eslint.lintText(edited, { filePath: invoices }))).toEqual([
      `${INVOICES}:3:27 pg-boss/no-undeclared-queue`,
      `${INVOICES}:4:26 pg-boss/no-undeclared-queue`,
    ]);

    fs.writeFileSync(
      path.join(directory, 'packages/api/src/invoiceQueue.ts'),
      "import boss from './boss.js';\n\nexport const declareInvoices = () => boss.createQueue('invoices');\n",
    );
    expect(reports(directory, await eslint.lintFiles([INVOICES]))).toEqual([]);
  });

  it.each([
    ['the fixture monorepo', monorepo],
    [
      "the bare-call rule's real-world corpus (none of its kinds there)",
      () => path.resolve(__dirname, 'fixtures/realWorld'),
    ],
  ])('reports exactly what pg-boss-queues reports of its kinds, on %s', async (_name, project) => {
    const directory = project();
    const { inventory } = scanQueues([directory], readExtensions(DEFAULT_EXTENSIONS));
    expect(reports(directory, await createESLint(directory).lintFiles(['.']))).toEqual(inventoryReports(inventory));
  });

  it("judges none of a Markdown file's code blocks, which a processor lints as files of their own", async () => {
    const directory = monorepo();
    fs.writeFileSync(
      path.join(directory, 'README.md'),
      "# Queues\n\n```ts\nimport boss from './packages/api/src/boss.js';\n\nawait boss.send('invoices', {});\nawait boss.createQueue('transcribe', { retryLimit: 9 });\n```\n",
    );
    // As @eslint/markdown's processor names them: `README.md/0.ts`, linted as TypeScript.
    const codeBlocks = {
      files: ['**/*.md'],
      processor: {
        preprocess: (text: string) =>
          [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code], index) => ({
            text: code!,
            filename: `${index}.ts`,
          })),
        postprocess: (messages: unknown[][]) => messages.flat(),
      },
    };
    const options = projectRulesOptions(directory);
    const eslint = new ESLint({ ...options, overrideConfig: [codeBlocks, ...(options.overrideConfig as object[])] });
    const results = await eslint.lintFiles(['.']);
    expect(results.map(({ filePath }) => path.relative(directory, filePath))).toContain('README.md');
    expect(reports(directory, results)).toEqual(FIXTURE_REPORTS);
  });

  it('reads the project from settings.pg-boss.queueRoots when linting from a sub-folder', async () => {
    const directory = monorepo();
    const api = path.join(directory, 'packages/api');
    // From packages/api alone, the queue names it imports from the shared package are unknown: never reported.
    expect(reports(api, await createESLint(api).lintFiles(['src/routes/runs.ts']))).toEqual([]);
    const fromRoot = createESLint(api, { 'pg-boss': { queueRoots: ['../..'] } });
    expect(reports(api, await fromRoot.lintFiles(['src/routes/runs.ts']))).toEqual([
      'src/routes/runs.ts:16:9 pg-boss/no-undeclared-queue',
    ]);
    const [result] = await fromRoot.lintFiles(['src/routes/runs.ts']);
    expect(result?.messages[0]?.message).toContain('declared nowhere in ../..:');
  });

  it('reads a project whose roots are files, as pg-boss-queues reads the files it is given', async () => {
    const directory = monorepo();
    const roots = [WORKER, 'packages/api/src/jobQueue.ts'];
    const { inventory } = scanQueues(
      roots.map((root) => path.join(directory, root)),
      readExtensions(DEFAULT_EXTENSIONS),
    );
    const expected = inventoryReports(inventory);
    expect(expected).toEqual([
      `${WORKER}:20:9 pg-boss/no-conflicting-queue-options`,
      'packages/api/src/jobQueue.ts:23:11 pg-boss/no-conflicting-queue-options',
    ]);
    const eslint = createESLint(directory, { 'pg-boss': { queueRoots: roots } });
    expect(reports(directory, await eslint.lintFiles(roots))).toEqual(expected);
  });
});

describe("a project's files", () => {
  // A worker that lists or checks a large tree for longer than WORKER_STALL_MS is still alive.
  it('counts each file it lists, and each a kept state checks, as progress', () => {
    const directory = monorepo();
    let progress = 0;
    const files = new ProjectFiles(() => progress++);
    const listed = files.list([directory], readExtensions(DEFAULT_EXTENSIONS), () => {});
    expect(progress).toBe(listed.length);
    let checked = 0;
    expect(currentOnDisk(files.toState(), () => checked++)).toBeDefined();
    expect(checked).toBe(files.toState().stamps.size);
  });

  // Most git commands rewrite its index (a commit, a status, a file staged) and list the same files: the scan
  // stands. A kept scan's check hands over the stamps it took, so its project need not even list again.
  it("keeps the scan when git's index changes and git lists the same files, and scans again when they differ", () => {
    const directory = temporary(fs.mkdtempSync(path.join(os.tmpdir(), 'committed-')));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: directory });
    git('init', '--quiet');
    const source = path.join(directory, 'send.ts');
    fs.writeFileSync(source, 'export {};\n');
    fs.writeFileSync(path.join(directory, 'notes.txt'), 'notes\n');
    git('add', 'send.ts');
    const files = new ProjectFiles();
    files.list([directory], readExtensions(DEFAULT_EXTENSIONS), () => {});
    const state = files.toState();
    git('commit', '--quiet', '--message', 'send');
    const current = currentOnDisk(state);
    expect(current?.listing?.gitFiles).not.toEqual(state.listing?.gitFiles);
    const takenUp = ProjectFiles.fromState(current!);
    takenUp.refresh(source);
    expect(takenUp.generation).toBe(state.generation);
    git('add', 'notes.txt');
    takenUp.refresh(source);
    expect(takenUp.generation).toBe(state.generation);
    // Untracked and excluded, the file is listed no more.
    fs.appendFileSync(path.join(directory, '.git/info/exclude'), 'send.ts\n');
    git('rm', '--quiet', '--cached', 'send.ts');
    takenUp.refresh(source);
    expect(takenUp.generation).toBe(state.generation + 1);
  });

  // ESLint lints a file git ignores all the same; the listing leaves it out, so each of its lints asks whether
  // it is new. Only a change after the last look makes that lint look again: the disk's clock is the test's.
  it('takes a file git ignores for new only when it changed after the last look', () => {
    const directory = temporary(fs.mkdtempSync(path.join(os.tmpdir(), 'ignored-file-')));
    execFileSync('git', ['init', '--quiet', directory]);
    fs.writeFileSync(path.join(directory, '.gitignore'), 'generated/\n');
    const source = path.join(directory, 'send.ts');
    fs.writeFileSync(source, 'export {};\n');
    fs.mkdirSync(path.join(directory, 'generated'));
    const ignored = path.join(directory, 'generated/queues.ts');
    fs.writeFileSync(ignored, 'export {};\n');
    const files = new ProjectFiles();
    expect(files.list([directory], readExtensions(DEFAULT_EXTENSIONS), () => {})).toEqual([source]);
    // Written just before the listing: its time cannot tell it apart from a write just after (RACY_MS).
    expect(files.isNewSinceLastLook(ignored)).toBe(true);
    expect(files.isNewSinceLastLook(source)).toBe(false);

    // A look ten seconds on: the file's times are well before it.
    const lookedAt = Date.now() + 10_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(lookedAt);
    files.refresh(source);
    clock.mockRestore();
    expect(files.isNewSinceLastLook(ignored)).toBe(false);
    // Written after that look.
    const after = (lookedAt + 5_000) / 1000;
    fs.utimesSync(ignored, after, after);
    expect(files.isNewSinceLastLook(ignored)).toBe(true);
  });

  it('watches a root that is a file, not the folders above it', () => {
    const directory = temporary(fs.mkdtempSync(path.join(os.tmpdir(), 'file-root-')));
    const root = path.join(directory, 'queues.ts');
    fs.writeFileSync(
      root,
      "import { PgBoss } from 'pg-boss';\nexport const declare = (boss: PgBoss) => boss.createQueue('a');\n",
    );
    const files = new ProjectFiles();
    expect(files.list([root], readExtensions(DEFAULT_EXTENSIONS), () => {})).toEqual([root]);
    files.read(root);
    const { generation } = files;
    // A file created beside the root is none of the project's: no new listing, no new scan.
    fs.writeFileSync(path.join(directory, 'beside.ts'), 'export {};\n');
    files.refresh(root);
    expect(files.generation).toBe(generation);
    fs.appendFileSync(root, "export const more = (boss: PgBoss) => boss.createQueue('b');\n");
    files.refresh(root);
    expect(files.generation).toBe(generation + 1);
  });
});

/** The built plugin and its worker-thread scan, loaded as a user's ESLint loads them (not from TypeScript). */
const BUILT = path.resolve(__dirname, '../dist/src');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builtPlugin = require(path.join(BUILT, 'index.js')) as typeof plugin;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startScanWorker: builtStartScanWorker } = require(path.join(BUILT, 'project/scanOnWorker.js')) as {
  startScanWorker: typeof startScanWorker;
};

describe('the built plugin, whose first scan of a large project runs on a worker thread', () => {
  const createESLint = (cwd: string) => new ESLint10(projectRulesOptions(cwd, undefined, builtPlugin));

  it('brings in a file and a folder that could not be read once they can, as the editor lints on', () => {
    // As root, no permission bit keeps a file from being read: the session runs as an unprivileged user.
    const directory = temporary(fs.mkdtempSync(path.join(os.tmpdir(), 'unreadable-')));
    const asNobody = process.getuid?.() === 0;
    if (asNobody) fs.chownSync(directory, 65534, 65534);
    const session = `
      const fs = require('node:fs');
      const path = require('node:path');
      const [dist, directory] = process.argv.slice(1);
      const { ESLint } = require('eslint');
      const plugin = require(dist);
      const write = (file, queue, call) => {
        fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
        fs.writeFileSync(path.join(directory, file), "import PgBoss from 'pg-boss';\\nconst boss = new PgBoss('x');\\n" + call + "('" + queue + "', {});\\n");
      };
      write('src/send.js', 'a', 'await boss.send');
      fs.appendFileSync(path.join(directory, 'src/send.js'), "await boss.send('b', {});\\n");
      write('src/declareA.js', 'a', 'await boss.createQueue');
      write('locked/declareB.js', 'b', 'await boss.createQueue');
      // A file that may not be read, and a folder that may be listed but not entered.
      fs.chmodSync(path.join(directory, 'src/declareA.js'), 0o000);
      fs.chmodSync(path.join(directory, 'locked'), 0o644);
      const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: [plugin.configs['recommended-project']] });
      const undeclared = async () => (await eslint.lintFiles(['src/send.js']))[0].messages.map((message) => message.message.split('"')[1]);
      (async () => {
        const before = await undeclared();
        fs.chmodSync(path.join(directory, 'src/declareA.js'), 0o644);
        fs.chmodSync(path.join(directory, 'locked'), 0o755);
        console.log(JSON.stringify({ before, after: await undeclared() }));
      })();`;
    const { stdout, stderr } = spawnSync(process.execPath, ['-e', session, path.join(BUILT, 'index.js'), directory], {
      cwd: path.resolve(__dirname, '..'),
      encoding: 'utf8',
      ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({ before: ['a', 'b'], after: [] });
  });

  /** `directory`'s project as the lint lists it before its first scan, handed to the worker. */
  function listed(directory: string): ProjectFilesState {
    const files = new ProjectFiles();
    listQueueFiles([directory], readExtensions(DEFAULT_EXTENSIONS), files, () => {});
    return files.toState();
  }

  /** A copy of the fixture monorepo large enough that the project's first scan runs on a worker. */
  function largeMonorepo(): string {
    const directory = monorepo();
    addFiller(directory, MOST_FILES_SCANNED_HERE);
    return directory;
  }

  /** `directory`'s project with `file` read, and the same as another thread hands it over: a copy. */
  function handedOver(directory: string, file: string): { files: ProjectFiles; taken: ProjectFiles } {
    const files = new ProjectFiles();
    files.list([directory], readExtensions(DEFAULT_EXTENSIONS), () => {});
    files.read(file);
    return { files, taken: ProjectFiles.fromState(structuredClone(files.toState())) };
  }

  it("hands over the inventory the scan makes on the lint's thread, and whether the linted text was unsaved", () => {
    const directory = monorepo();
    const file = path.join(directory, WORKER);
    const saved = fs.readFileSync(file, 'utf8');
    const first = builtStartScanWorker([directory], { file, text: saved })?.scan(listed(directory));
    const inThread = scanQueues([directory], readExtensions(DEFAULT_EXTENSIONS));
    expect(first?.scan.inventory).toEqual(inThread.inventory);
    expect(first?.unsaved).toBe(false);
    // Every file it listed is stamped, for the lint's thread to look at again.
    expect(first?.files.stamps.has(file)).toBe(true);
    expect(first?.files.stamps.size).toBeGreaterThanOrEqual(inThread.scanned);
    const unsaved = builtStartScanWorker([directory], { file, text: saved + PAYROLL_SEND })?.scan(listed(directory));
    expect(unsaved?.unsaved).toBe(true);
  });

  it('reports the fixture, then follows the disk and unsaved text from the stamps the worker handed over', async () => {
    const directory = largeMonorepo();
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles(['.']))).toEqual(FIXTURE_REPORTS);
    const text = fs.readFileSync(path.join(directory, WORKER), 'utf8') + PAYROLL_SEND;
    expect(reports(directory, await eslint.lintText(text, { filePath: path.join(directory, WORKER) }))).toEqual([
      `${WORKER}:20:9 pg-boss/no-conflicting-queue-options`,
      `${WORKER}:28:30 pg-boss/no-undeclared-queue`,
    ]);
    fixQueuesMonorepo(directory);
    expect(reports(directory, await eslint.lintFiles(['.']))).toEqual([]);
  });

  it('takes up a project handed over from another thread: unchanged, nothing to scan again; changed, the change', () => {
    const directory = monorepo();
    const runs = path.join(directory, RUNS);
    const saved = fs.readFileSync(runs, 'utf8');
    // Settings files absent above the project are stamped as missing, and the copy holds a copy of that stamp.
    const { files, taken } = handedOver(directory, runs);
    taken.refresh(runs);
    expect(taken.generation).toBe(files.generation);
    expect(taken.matchesHandedOverText(runs, saved)).toBe(true);
    expect(taken.matchesHandedOverText(runs, saved + PAYROLL_SEND)).toBe(false);
    fs.appendFileSync(runs, PAYROLL_SEND);
    taken.refresh(runs);
    expect(taken.generation).toBe(files.generation + 1);
    expect(taken.matchesHandedOverText(runs, saved)).toBeUndefined();
  });

  it('tells apart two texts that differ only by a lone surrogate where the other holds U+FFFD', () => {
    const directory = monorepo();
    const runs = path.join(directory, RUNS);
    const replacement = `${fs.readFileSync(runs, 'utf8')}// \ufffd\n`;
    fs.writeFileSync(runs, replacement);
    const { taken } = handedOver(directory, runs);
    expect(taken.matchesHandedOverText(runs, replacement)).toBe(true);
    // Both are the same bytes in UTF-8.
    expect(taken.matchesHandedOverText(runs, replacement.replace('\ufffd', '\ud800'))).toBe(false);
  });

  it('judges a file written after the worker read it by its new text, at its first lint within the window', async () => {
    const directory = largeMonorepo();
    const eslint = createESLint(directory);
    expect(reports(directory, await eslint.lintFiles([RUNS]))).toEqual([`${RUNS}:16:9 pg-boss/no-undeclared-queue`]);
    fs.appendFileSync(path.join(directory, WORKER), PAYROLL_SEND);
    expect(reports(directory, await eslint.lintFiles([WORKER]))).toEqual([
      `${WORKER}:20:9 pg-boss/no-conflicting-queue-options`,
      `${WORKER}:28:30 pg-boss/no-undeclared-queue`,
    ]);
  });

  /**
   * `eslint .` of `project` in a process of its own whose working directory is `processCwd`, `pauseMs` after the
   * config is read, counting the worker threads started: by the time ESLint first calls a rule (`ahead`), and
   * in all.
   */
  function lintCountingWorkers(
    project: string,
    processCwd: string,
    pauseMs = 0,
  ): { ahead: number; started: number; reports: string[] } {
    const session = `
      const workerThreads = require('node:worker_threads');
      const { Worker } = workerThreads;
      let started = 0;
      workerThreads.Worker = class extends Worker {
        constructor(...args) {
          super(...args);
          started += 1;
        }
      };
      const [repository, dist, project, pauseMs] = process.argv.slice(1);
      const require_ = require('node:module').createRequire(repository + '/package.json');
      const { ESLint } = require_('eslint');
      const tsParser = require_('@typescript-eslint/parser');
      const plugin = require(dist);
      let ahead;
      const probe = { rules: { first: { meta: { schema: [] }, create() { ahead ??= started; return {}; } } } };
      const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: [
        { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
        { plugins: { probe }, rules: { 'probe/first': 'error' } },
        plugin.configs['recommended-project'],
      ] });
      (async () => {
        // The config read as ESLint reads it before it lints, then a pause as its start on a larger project gives.
        await eslint.calculateConfigForFile('${WORKER}');
        await new Promise((resolve) => setTimeout(resolve, Number(pauseMs)));
        const results = await eslint.lintFiles(['.']);
        console.log(JSON.stringify({ ahead, started, results }));
      })();`;
    const { stdout, stderr } = spawnSync(
      process.execPath,
      ['-e', session, path.resolve(__dirname, '..'), path.join(BUILT, 'index.js'), project, String(pauseMs)],
      { cwd: processCwd, encoding: 'utf8' },
    );
    expect(stderr).toBe('');
    const { ahead, started, results } = JSON.parse(stdout) as {
      ahead: number;
      started: number;
      results: ESLint10.LintResult[];
    };
    return { ahead, started, reports: reports(project, results) };
  }

  it('starts the first scan as ESLint reads recommended-project, before it lints a file, and its first lint takes it up', () => {
    const directory = largeMonorepo();
    expect(lintCountingWorkers(directory, directory, 800)).toEqual({ ahead: 1, started: 1, reports: FIXTURE_REPORTS });
  });

  it('checks a scan started ahead whole when its first lint comes more than the window after it', () => {
    const directory = largeMonorepo();
    // A file the scan only searches (it names no queue method), later edited in place to declare the queue
    // runs.ts schedules: its folder's time does not change.
    const extra = path.join(directory, 'packages/api/src/extra.ts');
    fs.writeFileSync(extra, 'export const nothing = 1;\n');
    const declares = "import boss from './boss.js';\nexport const declare = () => boss.createQueue('weekly_digest');\n";
    const session = `
      const fs = require('node:fs');
      const [repository, dist, extra, declares, windowMs, runs] = process.argv.slice(1);
      const require_ = require('node:module').createRequire(repository + '/package.json');
      const { ESLint } = require_('eslint');
      const tsParser = require_('@typescript-eslint/parser');
      const plugin = require(dist);
      const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [
        { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
        plugin.configs['recommended-project'],
      ] });
      (async () => {
        await eslint.calculateConfigForFile(runs);
        await new Promise((resolve) => setTimeout(resolve, Number(windowMs) + 500));
        fs.writeFileSync(extra, declares);
        const [result] = await eslint.lintFiles([runs]);
        console.log(JSON.stringify(result.messages.map((message) => message.line + ':' + message.column)));
      })();`;
    const { stdout, stderr } = spawnSync(
      process.execPath,
      [
        '-e',
        session,
        path.resolve(__dirname, '..'),
        path.join(BUILT, 'index.js'),
        extra,
        declares,
        String(LOOK_WINDOW_MS),
        RUNS,
      ],
      { cwd: directory, encoding: 'utf8' },
    );
    expect(stderr).toBe('');
    // runs.ts:16:9 schedules weekly_digest, now declared: nothing is reported.
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('lets a process that reads the config and lints nothing end while git still lists the tree', () => {
    const directory = monorepo();
    const bin = temporary(fs.mkdtempSync(path.join(os.tmpdir(), 'slow-git-')));
    // git as on a tree too large to list in time: a thread blocked in it could not be stopped.
    fs.writeFileSync(path.join(bin, 'git'), '#!/bin/sh\nsleep 30\nexit 128\n', { mode: 0o755 });
    const session = `
      const [repository, dist] = process.argv.slice(1);
      const { ESLint } = require('node:module').createRequire(repository + '/package.json')('eslint');
      const plugin = require(dist);
      new ESLint({ overrideConfigFile: true, overrideConfig: [plugin.configs['recommended-project']] })
        .calculateConfigForFile('apps/worker/src/digestWorker.cjs')
        // Ends a second later: the worker started ahead is in git by then.
        .then((config) => setTimeout(() => console.log(Object.keys(config.rules).length), 1000));`;
    const { stdout, stderr, signal } = spawnSync(
      process.execPath,
      ['-e', session, path.resolve(__dirname, '..'), path.join(BUILT, 'index.js')],
      {
        cwd: directory,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
        timeout: 20_000,
      },
    );
    expect({ stdout, stderr, signal }).toEqual({ stdout: '2\n', stderr: '', signal: null });
  });

  it('starts one for a small project too, whose first lint makes the scan on its own thread if it is sooner', () => {
    const directory = monorepo();
    const { ahead, reports: reported } = lintCountingWorkers(directory, directory);
    expect({ ahead, reports: reported }).toEqual({ ahead: 1, reports: FIXTURE_REPORTS });
  });

  it('stops a scan started for the working directory when the lint is of another project, and scans that one', () => {
    const directory = largeMonorepo();
    expect(lintCountingWorkers(directory, largeMonorepo())).toEqual({ ahead: 1, started: 2, reports: FIXTURE_REPORTS });
  });

  it('starts none ahead in a working directory without a package.json, which is no project root', () => {
    const directory = largeMonorepo();
    const elsewhere = temporary(fs.mkdtempSync(path.join(os.tmpdir(), 'no-project-')));
    expect(lintCountingWorkers(directory, elsewhere)).toEqual({ ahead: 0, started: 1, reports: FIXTURE_REPORTS });
  });

  it("scans on the lint's thread where no worker can start: here, the rules loaded from TypeScript", () => {
    const directory = monorepo();
    const file = path.join(directory, WORKER);
    expect(startScanWorker([directory], { file, text: fs.readFileSync(file, 'utf8') })).toBeUndefined();
  });
});

// Each worker thread loads the plugin and a parser of its own, which takes seconds on a loaded machine.
describe('ESLint 10 on two worker threads (concurrency: 2)', { timeout: 60_000 }, () => {
  it('reports what one thread reports: each worker keeps its own project', async () => {
    const directory = monorepo();
    // Workers load the configuration from a file; it names the parser and the built plugin by path, since
    // the copy has no node_modules.
    fs.writeFileSync(
      path.join(directory, 'eslint.config.mjs'),
      [
        `import tsParser from ${JSON.stringify(require.resolve('@typescript-eslint/parser'))};`,
        `import pgBoss from ${JSON.stringify(path.resolve(__dirname, '../dist/src/index.js'))};`,
        "export default [{ files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } }, pgBoss.configs['recommended-project']];",
      ].join('\n'),
    );
    const { result, unexpected } = await withExpectedWarnings([ESLINT_POOR_CONCURRENCY], () =>
      new ESLint10({ cwd: directory, concurrency: 2 } as ConstructorParameters<typeof ESLint10>[0]).lintFiles(['.']),
    );
    expect(reports(directory, result)).toEqual(FIXTURE_REPORTS);
    expect(unexpected).toEqual([]);
  });
});

// oxlint runs as its own process, which a loaded machine can take seconds to start.
describe('oxlint with the plugin in jsPlugins', { timeout: 30_000 }, () => {
  it('reports the places ESLint reports on the fixture monorepo', () => {
    const directory = monorepo();
    const config = path.join(directory, '.oxlintrc.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        jsPlugins: [path.resolve(__dirname, '../dist/src/index.js')],
        rules: Object.fromEntries(
          Object.keys(plugin.configs['recommended-project'].rules ?? {}).map((id) => [id, 'error']),
        ),
      }),
    );
    const result = spawnSync(
      process.execPath,
      [path.resolve(__dirname, '../node_modules/oxlint/bin/oxlint'), '-c', config, '--format', 'json', '.'],
      { cwd: directory, encoding: 'utf8' },
    );
    const { diagnostics } = JSON.parse(result.stdout) as {
      diagnostics: Array<{ code: string; filename: string; labels: Array<{ span: { line: number; column: number } }> }>;
    };
    const found = diagnostics
      .map(
        ({ code, filename, labels: [label] }) =>
          `${filename.split(path.sep).join('/')}:${label!.span.line}:${label!.span.column} ${code.replace(/^pg-boss\((.+)\)$/, 'pg-boss/$1')}`,
      )
      .sort();
    expect(found).toEqual(FIXTURE_REPORTS);
  });
});
