import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'dist/src/cli/pgBossCodemod.js');
const runtimeVersion = (
  JSON.parse(fs.readFileSync(path.join(root, 'src/runtime/package.json'), 'utf8')) as {
    version: string;
  }
).version;

const BARE =
  "import { PgBoss } from 'pg-boss';\n\nconst boss = new PgBoss('postgres://localhost/app');\nawait boss.createQueue('emails');\n";
const REWRITTEN =
  "import { PgBoss } from 'pg-boss';\nimport { safeCreateQueue } from 'pg-boss-safe-create-queue';\n\nconst boss = new PgBoss('postgres://localhost/app');\nawait safeCreateQueue(boss, 'emails');\n";
const BROKEN = "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss(;\nawait boss.createQueue('emails');\n";
const PLAIN = 'export const answer = 42;\n';
// A receiver typed without getQueue: the call stays, under a TODO.
const NARROW =
  "import type { PgBoss } from 'pg-boss';\n\nexport async function register(boss: Pick<PgBoss, 'createQueue'>) {\n  await boss.createQueue('emails');\n}\n";

let project: string;

function writeFiles(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), text);
  }
}

/** A small app as a user has it: a git repository with an ignored folder and a node_modules folder. */
function writeProject(): void {
  writeFiles({
    'package.json': JSON.stringify({ name: 'app', dependencies: { 'pg-boss-safe-create-queue': '^0.1.0' } }),
    'src/queues.ts': BARE,
    'src/plain.ts': PLAIN,
    'src/broken.ts': BROKEN,
    'src/generated/queues.ts': BARE,
    'node_modules/some-lib/index.js': BARE.replace(/^import.*$/m, "const { PgBoss } = require('pg-boss');"),
    '.gitignore': 'src/generated/\n',
  });
  execFileSync('git', ['init', '-q'], { cwd: project });
}

interface RunOptions {
  readonly cwd?: string;
  /** Run as an unprivileged user: as root, no permission bit keeps a directory from being read. */
  readonly unprivileged?: boolean;
}

function codemodIn(options: RunOptions, ...args: string[]) {
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? project,
    encoding: 'utf8',
    ...(asNobody ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: project } } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const codemod = (...args: string[]) => codemodIn({}, ...args);
const read = (file: string) => fs.readFileSync(path.join(project, file), 'utf8');

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-codemod-'));
  writeProject();
});
afterEach(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

/** Each test starts real node processes (and, with --cpus, worker threads): seconds each on a busy machine. */
const PROCESS_TIMEOUT = { timeout: 30_000 };
/** A run that loads typescript-estree on the main thread and again on a worker, for a file nested too deeply for oxc. */
const TWO_PARSER_LOADS_TIMEOUT = { timeout: 60_000 };

describe('pg-boss-codemod', PROCESS_TIMEOUT, () => {
  it('--dry prints a unified diff, paths relative to the scanned root, and writes nothing', () => {
    const { code, stdout, stderr } = codemod('--dry', 'src');
    expect(code).toBe(0);
    expect(stdout).toContain('--- a/queues.ts\n+++ b/queues.ts');
    expect(stdout).toContain("-await boss.createQueue('emails');");
    expect(stdout).toContain("+await safeCreateQueue(boss, 'emails');");
    expect(stdout).toContain("+import { safeCreateQueue } from 'pg-boss-safe-create-queue';");
    expect(read('src/queues.ts')).toBe(BARE);
    expect(stderr).toContain(
      'pg-boss-codemod (dry run, nothing written): 3 files scanned, 1 changed (1 call rewritten), 0 calls left for you, 1 unchanged, 1 skipped (syntax error), 0 failed',
    );
  });

  // Headers like `a/../cli/t/good.ts` cannot be applied with `git apply` or `patch -p1`.
  it('--dry names files below the scanned root also for a root outside the working directory', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-codemod-cwd-'));
    try {
      const { stdout } = codemodIn({ cwd: elsewhere }, '--dry', path.relative(elsewhere, path.join(project, 'src')));
      expect(stdout).toContain('--- a/queues.ts\n+++ b/queues.ts');
      expect(stdout).not.toContain('..');
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('rewrites bare calls, reports and keeps unparsable files, and skips ignored and installed code', () => {
    const { code, stderr } = codemod('src', 'node_modules/..');
    expect(code).toBe(0);
    expect(read('src/queues.ts')).toBe(REWRITTEN);
    expect(read('src/broken.ts')).toBe(BROKEN);
    expect(read('src/plain.ts')).toBe(PLAIN);
    expect(read('src/generated/queues.ts')).toBe(BARE);
    expect(read('node_modules/some-lib/index.js')).toContain("await boss.createQueue('emails')");
    // The position and the parser's own message, once, after the file's name.
    expect(stderr).toMatch(/\n {2}skipped src\/broken\.ts: syntax error at 2:\d+: [^/\n]+\n/);
    expect(stderr).toContain('1 changed (1 call rewritten)');
    // No temporary files are left behind.
    expect(fs.readdirSync(path.join(project, 'src')).sort()).toEqual([
      'broken.ts',
      'generated',
      'plain.ts',
      'queues.ts',
    ]);

    const again = codemod('src');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('0 changed (0 calls rewritten)');
    expect(read('src/queues.ts')).toBe(REWRITTEN);
  });

  // git ran in the working directory, so a run started elsewhere rewrote the repository's ignored files.
  it('honours .gitignore relative to each scanned root, wherever it is started', () => {
    const { code } = codemodIn({ cwd: os.tmpdir() }, path.join(project, 'src'));
    expect(code).toBe(0);
    expect(read('src/queues.ts')).toBe(REWRITTEN);
    expect(read('src/generated/queues.ts')).toBe(BARE);
  });

  it('exits 0 when there is nothing to do', () => {
    const { code, stderr } = codemod('src/plain.ts');
    expect(code).toBe(0);
    expect(stderr).toBe(
      'pg-boss-codemod: 1 file scanned, 0 changed (0 calls rewritten), 0 calls left for you, 1 unchanged, 0 skipped (syntax error), 0 failed\n',
    );
  });

  it('exits 1 when a call is left for you, marks it once, and a second run adds nothing', () => {
    writeFiles({ 'src/narrow.ts': NARROW });
    const first = codemod('src/narrow.ts', 'src/queues.ts');
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(
      '2 files scanned, 2 changed (1 call rewritten), 1 call left for you in 1 file, 0 unchanged',
    );
    expect(first.stderr).toContain('left for you: src/narrow.ts: 1 call, each under a TODO(pg-boss-codemod) comment');
    const marked = read('src/narrow.ts');
    expect(marked.match(/TODO\(pg-boss-codemod\)/g)).toHaveLength(1);
    expect(marked).toContain("`boss` is declared as `Pick<PgBoss, 'createQueue'>`");

    const second = codemod('src/narrow.ts');
    expect(second.code).toBe(1);
    expect(read('src/narrow.ts')).toBe(marked);
  });

  it('--print writes the new text to stdout and no file; --import-source changes the import', () => {
    const { code, stdout, stderr } = codemod('--print', '--import-source', '#lib/queues', 'src/queues.ts');
    expect(code).toBe(0);
    expect(stdout).toBe(REWRITTEN.replace('pg-boss-safe-create-queue', '#lib/queues'));
    expect(read('src/queues.ts')).toBe(BARE);
    expect(stderr).toContain('pg-boss-codemod (--print, nothing written): 1 file scanned');
  });

  it('--help says what each flag does, that --print writes nothing, and the exit codes', () => {
    const { code, stdout } = codemod('--help');
    expect(code).toBe(0);
    expect(stdout).toContain("--print                  print each changed file's new text; write nothing");
    expect(stdout).toContain('--add-dependency');
    expect(stdout).toContain('Exit code: 0 when every call was rewritten (or there was nothing to do); 1 when a');
    expect(stdout).toContain('file or directory failed, a call was left for you (under a TODO(pg-boss-codemod)');
    expect(stdout).toContain('2 for a usage error');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(codemod('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(codemod('-v').stdout).toBe(`${version}\n`);
  });

  // The threads' outcomes were put in another order than one thread's: the diff's files came sorted otherwise.
  it('splits a large run across threads with --cpus and gets the same result, in the same order', () => {
    for (let index = 0; index < 70; index++)
      fs.writeFileSync(path.join(project, `src/many-${index % 2 ? 'B' : 'a'}-${index}.ts`), BARE);
    const oneThread = codemod('--cpus', '1', '--dry', 'src');
    expect(codemod('--cpus', '2', '--dry', 'src')).toEqual(oneThread);
    expect(oneThread.stdout).toContain('+++ b/many-a-68.ts');
    const { code, stderr } = codemod('--cpus', '2', 'src');
    expect(code).toBe(0);
    expect(stderr).toContain(
      '73 files scanned, 71 changed (71 calls rewritten), 0 calls left for you, 1 unchanged, 1 skipped (syntax error), 0 failed',
    );
    expect(read('src/many-B-69.ts')).toBe(REWRITTEN);
  });

  // A worker thread had half the main thread's native stack: oxc's parser, native code, overflowed it on a
  // deeply nested file and the whole process died of a segmentation fault. Given more, a worker rewrote
  // files the main thread's smaller JavaScript stack failed on, so the outcome hung on which thread took it.
  it('rewrites deeply nested files, the same on one thread as on several', TWO_PARSER_LOADS_TIMEOUT, () => {
    // Four lines apart from the call, so that the diff (under spawnSync's 1 MB) leaves the table out.
    const nested = `${BARE}\n\n\n\nconst table = ${'['.repeat(4000)}${']'.repeat(4000)};\n`;
    // Nested too deeply for oxc, each is parsed by typescript-estree, which runs out of stack on the main
    // thread; the rest make the run large enough for a second thread.
    for (let index = 0; index < 70; index++)
      fs.writeFileSync(path.join(project, `src/nested-${index}.ts`), index < 2 ? nested : BARE);
    const oneThread = codemod('--cpus', '1', '--dry', 'src');
    expect(oneThread.stderr).toContain(
      '73 files scanned, 71 changed (71 calls rewritten), 0 calls left for you, 1 unchanged, 1 skipped (syntax error), 0 failed',
    );
    expect(codemod('--cpus', '2', '--dry', 'src')).toEqual(oneThread);
  });

  // oxc's native parser overflowed the stack on both, unseen by V8, and the run died of a segmentation
  // fault: no summary, and the files after them left bare. typescript-estree reads the first (on a worker,
  // when the main thread's JavaScript stack is too small) and runs out of stack on the second on any thread.
  it.each(['1', '2'])(
    'rewrites a file nested too deeply for oxc, skips one too deep for any parser, --cpus %s',
    TWO_PARSER_LOADS_TIMEOUT,
    (cpus) => {
      const deep = `${BARE}const grouped = ${'('.repeat(6000)}1${')'.repeat(6000)};\n`;
      const deeper = `${BARE}const table = ${'['.repeat(30000)}${']'.repeat(30000)};\n`;
      writeFiles({ 'src/deep.ts': deep, 'src/deeper.ts': deeper });
      // Enough files for a second thread.
      for (let index = 0; index < 70; index++) writeFiles({ [`src/queues-${index}.ts`]: BARE });
      const { code, stderr } = codemod('--cpus', cpus, 'src');
      expect(stderr).toContain(
        'pg-boss-codemod: 75 files scanned, 72 changed (72 calls rewritten), 0 calls left for you, 1 unchanged, 1 skipped (syntax error), 1 skipped (nested too deeply), 0 failed',
      );
      expect(stderr).toContain('  skipped src/deeper.ts: nested too deeply: ran out of stack\n');
      expect(code).toBe(0);
      expect(read('src/deep.ts')).toBe(deep.replace(BARE, REWRITTEN));
      expect(read('src/deeper.ts')).toBe(deeper);
      expect(read('src/queues-69.ts')).toBe(REWRITTEN);
    },
  );

  // The rename replaced the link with a regular file, left the target bare, and a scan reaching both counted the call twice.
  it.each([
    ['inside a git work tree', true],
    ['outside a git work tree', false],
  ])('writes through a symbolic link to its target, keeps its mode, and counts it once (%s)', (_where, inGit) => {
    if (!inGit) fs.rmSync(path.join(project, '.git'), { recursive: true });
    writeFiles({ 'shared/q.ts': BARE });
    fs.chmodSync(path.join(project, 'shared/q.ts'), 0o775);
    fs.symlinkSync('../shared/q.ts', path.join(project, 'src/linked.ts'));
    const { code, stderr } = codemod('src', 'shared');
    expect(code).toBe(0);
    expect(fs.lstatSync(path.join(project, 'src/linked.ts')).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(path.join(project, 'src/linked.ts'))).toBe('../shared/q.ts');
    expect(read('shared/q.ts')).toBe(REWRITTEN);
    expect(fs.statSync(path.join(project, 'shared/q.ts')).mode & 0o777).toBe(0o775);
    // src/queues.ts and shared/q.ts; src/generated/ is ignored only by git.
    expect(stderr).toContain(inGit ? '2 changed (2 calls rewritten)' : '3 changed (3 calls rewritten)');
    expect(fs.readdirSync(path.join(project, 'shared'))).toEqual(['q.ts']);
  });

  // Scanning only the link's directory still rewrites the file it names, wherever that is.
  it('rewrites the target of a link that points outside the scanned root', () => {
    writeFiles({ 'shared/q.ts': BARE });
    fs.symlinkSync('../shared/q.ts', path.join(project, 'src/linked.ts'));
    const { code, stderr } = codemod('src');
    expect(code).toBe(0);
    expect(fs.lstatSync(path.join(project, 'src/linked.ts')).isSymbolicLink()).toBe(true);
    expect(read('shared/q.ts')).toBe(REWRITTEN);
    expect(stderr).toContain('2 changed (2 calls rewritten)');
  });

  // Inserted lines ended in LF inside CRLF files (modelled on a Windows checkout; the BOM stays first).
  it('writes CRLF into a CRLF file: the import, the require, a receiver on its own line, and the TODO marker', () => {
    const shapes = {
      'esm.ts': `\uFEFF${BARE}`,
      'cjs.js':
        "const { PgBoss } = require('pg-boss');\nconst boss = new PgBoss('x');\nasync function a() {\n  await boss.createQueue(\n    'emails',\n  );\n}\nmodule.exports = { a };\n",
      'narrow.ts': NARROW,
    };
    for (const [name, text] of Object.entries(shapes))
      writeFiles({ [`lf/${name}`]: text, [`crlf/${name}`]: text.replaceAll('\n', '\r\n') });
    const { stderr } = codemod('lf', 'crlf');
    expect(stderr).toContain('6 files scanned, 6 changed (4 calls rewritten), 2 calls left for you');
    for (const name of Object.keys(shapes)) {
      const rewritten = read(`crlf/${name}`);
      expect(rewritten).toBe(read(`lf/${name}`).replaceAll('\n', '\r\n'));
      expect(rewritten).not.toMatch(/(?<!\r)\n/);
    }
    expect(read('crlf/esm.ts')).toMatch(/^\uFEFF/);
    expect(read('crlf/cjs.js')).toContain("require('pg-boss-safe-create-queue');\r\n");
    expect(read('crlf/narrow.ts')).toContain('// TODO(pg-boss-codemod):');
  });

  it('exits 1 when a file fails, naming it and the reason', () => {
    fs.mkdirSync(path.join(project, 'elsewhere'));
    fs.symlinkSync(path.join(project, 'elsewhere'), path.join(project, 'src/linked.ts'));
    const { code, stderr } = codemod('src');
    expect(code).toBe(1);
    expect(stderr).toMatch(/failed src\/linked\.ts: could not read: EISDIR/);
    expect(read('src/queues.ts')).toBe(REWRITTEN);
  });

  // An unreadable subdirectory aborted the whole run (exit 2, no summary).
  it.each([
    // git lists the files and warns about the directory; src/generated/ is ignored.
    ['inside a git work tree', true, '1 changed (1 call rewritten)'],
    // The codemod walks the tree itself; without git nothing is ignored.
    ['outside a git work tree', false, '2 changed (2 calls rewritten)'],
  ])('reports an unreadable directory %s as failed and rewrites the rest', (_where, inGit, changed) => {
    if (!inGit) fs.rmSync(path.join(project, '.git'), { recursive: true });
    writeFiles({ 'src/locked/queues.ts': BARE });
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', '65534:65534', project]);
    fs.chmodSync(path.join(project, 'src/locked'), 0o000);
    try {
      const { code, stderr } = codemodIn({ unprivileged: true }, 'src');
      expect(code).toBe(1);
      expect(stderr).toMatch(/^ {2}failed src\/locked: could not read directory: .*(Permission denied|EACCES)/im);
      expect(stderr).toContain(changed);
      expect(stderr).toMatch(/, 1 failed\n/);
      expect(read('src/queues.ts')).toBe(REWRITTEN);
    } finally {
      fs.chmodSync(path.join(project, 'src/locked'), 0o700);
    }
  });

  it.each([
    [['--cpus', '0', 'src'], "--cpus must be a whole number of threads, 1 or more (got '0')."],
    [['--cpus', 'abc', 'src'], "--cpus must be a whole number of threads, 1 or more (got 'abc')."],
    [['--cpus', '1.5', 'src'], "--cpus must be a whole number of threads, 1 or more (got '1.5')."],
    [['--cpus', '-1', 'src'], "--cpus must be a whole number of threads, 1 or more (got '-1')."],
    [['--cpus=2x', 'src'], "--cpus must be a whole number of threads, 1 or more (got '2x')."],
    [['--import-source', '', 'src'], '--import-source must name the module to import the helpers from.'],
    [['--extensions', '', 'src'], '--extensions must list at least one file extension, e.g. --extensions ts,js.'],
    [['--extensions', ' , ', 'src'], '--extensions must list at least one file extension, e.g. --extensions ts,js.'],
    [['--dryrun', 'src'], 'Unknown option --dryrun.'],
    [['-x', 'src'], 'Unknown option -x.'],
    [['src', '--cpus'], '--cpus needs a value.'],
    [['--dry=yes', 'src'], '--dry takes no value.'],
    // The option took the path: say so, not just "No paths given".
    [
      ['--extensions', 'src'],
      "No paths given: 'src' was read as the value of --extensions; give the value first, then the paths.",
    ],
    [[], 'No paths given: name the files or directories to rewrite.'],
    [['missing-dir'], 'No such file or directory: missing-dir'],
  ])('exits 2 with one precise message for %j', (args, message) => {
    const { code, stdout, stderr } = codemod(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`pg-boss-codemod: ${message}\nRun pg-boss-codemod --help for the options.\n`);
    expect(read('src/queues.ts')).toBe(BARE);
  });

  // `expect(boss.createQueue('x')).type…` would test the helper, not the pg-boss method it was written for.
  it('leaves type tests alone and says so; --include-type-tests rewrites them', () => {
    writeFiles({
      'src/queues.test-d.ts': BARE,
      'src/queues.tst.ts': BARE,
      'src/typetests/queues.ts': BARE,
      'src/other.test-d.ts': PLAIN,
    });
    const { code, stderr } = codemod('src');
    expect(code).toBe(0);
    expect(stderr).toContain(
      '7 files scanned, 1 changed (1 call rewritten), 0 calls left for you, 2 unchanged, 1 skipped (syntax error), 3 type tests left alone, 0 failed\n',
    );
    expect(stderr).toContain(
      '  left alone: src/queues.test-d.ts: a type test (*.test-d.ts); --include-type-tests rewrites it\n',
    );
    expect(stderr).toContain('  left alone: src/queues.tst.ts: a type test (*.tst.ts)');
    expect(stderr).toContain('  left alone: src/typetests/queues.ts: a type test (typetests/)');
    for (const file of ['src/queues.test-d.ts', 'src/queues.tst.ts', 'src/typetests/queues.ts'])
      expect(read(file)).toBe(BARE);

    const included = codemod('--include-type-tests', 'src');
    expect(included.stderr).toContain('3 changed (3 calls rewritten)');
    expect(included.stderr).not.toContain('left alone');
    expect(read('src/typetests/queues.ts')).toBe(REWRITTEN);
  });

  // Only the folders below the path given decide: a project inside a folder named typetests is not all type tests.
  it('reads type-test folders below the scanned path only', () => {
    writeFiles({ 'typetests/app/queues.ts': BARE });
    const { stderr } = codemod('typetests/app');
    expect(stderr).toContain('1 changed (1 call rewritten)');
  });

  it('works as a plain jscodeshift transform', () => {
    const jscodeshiftBin = path.join(root, 'node_modules/jscodeshift/bin/jscodeshift.js');
    const transformPath = path.join(root, 'dist/codemods/safe-create-queue.js');
    execFileSync(
      process.execPath,
      [
        jscodeshiftBin,
        '-t',
        transformPath,
        '--extensions=ts',
        '--run-in-band',
        '--no-babel',
        '--silent',
        'src/queues.ts',
      ],
      { cwd: project },
    );
    expect(read('src/queues.ts')).toBe(REWRITTEN);
  });
});

describe('pg-boss-codemod in a monorepo', PROCESS_TIMEOUT, () => {
  /** A workspace root that lists the runtime, one package without it, one with it only for development. */
  beforeEach(() => {
    writeFiles({
      'package.json': `${JSON.stringify({ name: 'monorepo', private: true, workspaces: ['packages/*'], dependencies: { 'pg-boss-safe-create-queue': '^0.1.0' } }, null, 2)}\n`,
      'packages/a/package.json': `{\n\t"name": "a",\n\t"dependencies": {\n\t\t"pg-boss": "12.38.0",\n\t\t"zod": "3.25.0"\n\t}\n}\n`,
      'packages/a/src/jobs.ts': BARE,
      'packages/a/src/more-jobs.ts': BARE,
      'packages/b/package.json': `${JSON.stringify({ name: 'b', dependencies: { 'pg-boss': '^12.38.0' }, devDependencies: { 'pg-boss-safe-create-queue': '~0.1.0', vitest: '^4.0.0' } }, null, 2)}\n`,
      'packages/b/src/jobs.ts': BARE,
      'scripts/declare.ts': BARE,
    });
    fs.rmSync(path.join(project, 'src'), { recursive: true });
  });

  it('says, per package, where the runtime must be added', () => {
    const { code, stderr } = codemod('--dry', '.');
    expect(code).toBe(0);
    expect(stderr).toContain('4 files scanned, 4 changed (4 calls rewritten)');
    expect(stderr).toContain(
      '  packages/a: add pg-boss-safe-create-queue to dependencies: 2 rewritten files import it (--add-dependency does)\n',
    );
    expect(stderr).toContain(
      '  packages/b: pg-boss-safe-create-queue is only in devDependencies, so a production install (npm ci --omit=dev) will not have it, and 1 rewritten file imports it: move it to dependencies (--add-dependency does)\n',
    );
    // The root lists it, so the root's own scripts need nothing.
    expect(stderr).not.toMatch(/^ {2}\.: /m);
  });

  it('--add-dependency writes it, keeping each file’s formatting and range style', () => {
    const { code, stderr } = codemod('--add-dependency', '.');
    expect(code).toBe(0);
    expect(stderr).toContain(`  packages/a: added pg-boss-safe-create-queue@${runtimeVersion} to dependencies\n`);
    expect(stderr).toContain(
      '  packages/b: moved pg-boss-safe-create-queue@~0.1.0 from devDependencies to dependencies\n',
    );
    // Tabs and exact versions, sorted in among the sorted names.
    expect(read('packages/a/package.json')).toBe(
      `{\n\t"name": "a",\n\t"dependencies": {\n\t\t"pg-boss": "12.38.0",\n\t\t"pg-boss-safe-create-queue": "${runtimeVersion}",\n\t\t"zod": "3.25.0"\n\t}\n}\n`,
    );
    expect(JSON.parse(read('packages/b/package.json'))).toEqual({
      name: 'b',
      dependencies: { 'pg-boss': '^12.38.0', 'pg-boss-safe-create-queue': '~0.1.0' },
      devDependencies: { vitest: '^4.0.0' },
    });
    expect(read('packages/b/package.json')).toMatch(/^{\n {2}"name": "b",\n/);

    // Nothing is left to say on a second run.
    expect(codemod('.').stderr).not.toContain('dependencies');
  });

  // Some editors save UTF-8 with a byte order mark; npm reads such a package.json as any other.
  it('--add-dependency reads and writes a package.json that begins with a byte order mark, keeping it', () => {
    const manifest = path.join(project, 'packages/a/package.json');
    fs.writeFileSync(manifest, `\uFEFF${read('packages/a/package.json')}`);
    const { code, stderr } = codemod('--add-dependency', '.');
    expect(code).toBe(0);
    expect(stderr).toContain(`  packages/a: added pg-boss-safe-create-queue@${runtimeVersion} to dependencies\n`);
    expect(read('packages/a/package.json')).toBe(
      `\uFEFF{\n\t"name": "a",\n\t"dependencies": {\n\t\t"pg-boss": "12.38.0",\n\t\t"pg-boss-safe-create-queue": "${runtimeVersion}",\n\t\t"zod": "3.25.0"\n\t}\n}\n`,
    );
  });

  // The second step rewrote nothing, so it added nothing, and the hint of the first run was gone.
  it('--add-dependency after a plain run still adds it: files rewritten before count', () => {
    const first = codemod('.');
    expect(first.stderr).toContain(
      '  packages/a: add pg-boss-safe-create-queue to dependencies: 2 rewritten files import it',
    );
    // Without --add-dependency the hint stays, now naming files rewritten before.
    expect(codemod('.').stderr).toContain(
      '  packages/a: add pg-boss-safe-create-queue to dependencies: 2 files import it (--add-dependency does)\n',
    );
    const second = codemod('--add-dependency', '.');
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('0 changed (0 calls rewritten)');
    expect(second.stderr).toContain(
      `  packages/a: added pg-boss-safe-create-queue@${runtimeVersion} to dependencies\n`,
    );
    expect(second.stderr).toContain(
      '  packages/b: moved pg-boss-safe-create-queue@~0.1.0 from devDependencies to dependencies\n',
    );
    expect(JSON.parse(read('packages/a/package.json')).dependencies).toHaveProperty('pg-boss-safe-create-queue');
  });

  it('counts a file that requires the helpers, or imports them from a subpath of their package', () => {
    writeFiles({
      'packages/c/package.json': JSON.stringify({ name: 'c' }),
      'packages/c/a.cjs': "const { ensureQueue } = require( 'pg-boss-safe-create-queue' );\n",
      'packages/d/package.json': JSON.stringify({ name: 'd' }),
      'packages/d/a.ts': "export const note = 'pg-boss-safe-create-queue';\n",
    });
    const { stderr } = codemod('--dry', 'packages/c', 'packages/d');
    expect(stderr).toContain('  packages/c: add pg-boss-safe-create-queue to dependencies: 1 file imports it');
    // A string that names the package is not an import of it.
    expect(stderr).not.toContain('packages/d:');
  });

  // Asked to add it and unable to: the package's production install would lack what its files now import.
  it('--add-dependency exits with 1 when no installed copy gives the version to write', () => {
    const before = read('packages/a/package.json');
    const { code, stderr } = codemod('--add-dependency', '--import-source', '@acme/queue-helpers', 'packages/a');
    expect(stderr).toContain('2 changed (2 calls rewritten)');
    expect(stderr).toContain(
      '  packages/a: could not add @acme/queue-helpers to dependencies: no installed @acme/queue-helpers to take the version from; run npm install @acme/queue-helpers there\n',
    );
    expect(code).toBe(1);
    expect(read('packages/a/package.json')).toBe(before);
  });

  // One package.json that did not parse (a template's, a merge conflict) ended the run in a stack trace
  // after every file was written: no summary, and nothing said which packages lack the helpers.
  it('says which package.json it cannot read, ends with the summary, and adds to the others', () => {
    writeFiles({
      'packages/c/package.json': '{ "name": "c", }\n',
      'packages/c/src/jobs.ts': BARE,
      'packages/d/package.json': '{ "name": "d", "dependencies": "none" }\n',
      'packages/d/src/jobs.ts': BARE,
    });
    const plain = codemod('--dry', 'packages/a', 'packages/c', 'packages/d');
    expect(plain.stderr).toContain('4 files scanned, 4 changed (4 calls rewritten)');
    expect(plain.stderr).toMatch(
      /^ {2}packages\/c: could not read its package\.json \(.+\), so whether it lists pg-boss-safe-create-queue is not known: 1 rewritten file imports it$/m,
    );
    expect(plain.stderr).toContain(
      '  packages/d: could not read its package.json (its dependencies is not an object), so whether it lists pg-boss-safe-create-queue is not known: 1 rewritten file imports it\n',
    );
    expect(plain.code).toBe(0);

    const manifests = ['packages/c/package.json', 'packages/d/package.json'].map(read);
    const { code, stderr } = codemod('--add-dependency', 'packages/a', 'packages/c', 'packages/d');
    expect(stderr).toContain('4 files scanned, 4 changed (4 calls rewritten)');
    expect(stderr).toContain(`  packages/a: added pg-boss-safe-create-queue@${runtimeVersion} to dependencies\n`);
    expect(stderr).toMatch(
      /^ {2}packages\/c: could not add pg-boss-safe-create-queue to dependencies: could not read its package\.json \(.+\)$/m,
    );
    expect(stderr).toContain(
      '  packages/d: could not add pg-boss-safe-create-queue to dependencies: could not read its package.json (its dependencies is not an object)\n',
    );
    expect(code).toBe(1);
    expect(['packages/c/package.json', 'packages/d/package.json'].map(read)).toEqual(manifests);
    expect(read('packages/c/src/jobs.ts')).toBe(REWRITTEN);
  });

  // A read-only package.json ended the run in a stack trace: no summary, and the packages after it not added to.
  it('--add-dependency says which package.json it cannot write, adds to the others, and exits with 1', () => {
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', '65534:65534', project]);
    fs.chmodSync(path.join(project, 'packages/a/package.json'), 0o444);
    const before = read('packages/a/package.json');
    const { code, stderr } = codemodIn({ unprivileged: true }, '--add-dependency', '.');
    expect(stderr).toContain('4 files scanned, 4 changed (4 calls rewritten)');
    expect(stderr).toMatch(
      /^ {2}packages\/a: could not add pg-boss-safe-create-queue to dependencies: could not write its package\.json \(EACCES: .+\)$/m,
    );
    expect(stderr).toContain(
      '  packages/b: moved pg-boss-safe-create-queue@~0.1.0 from devDependencies to dependencies\n',
    );
    expect(code).toBe(1);
    expect(read('packages/a/package.json')).toBe(before);
  });

  it('--add-dependency --dry says what it would write and writes nothing', () => {
    const before = read('packages/a/package.json');
    const { stderr } = codemod('--add-dependency', '--dry', '.');
    expect(stderr).toContain(`  packages/a: would add pg-boss-safe-create-queue@${runtimeVersion} to dependencies\n`);
    expect(read('packages/a/package.json')).toBe(before);
  });
});
