import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'dist/src/cli/pgBossCodemod.js');

const BARE =
  "import { PgBoss } from 'pg-boss';\n\nconst boss = new PgBoss('postgres://localhost/app');\nawait boss.createQueue('emails');\n";
const BROKEN = "import { PgBoss } from 'pg-boss';\nconst boss = new PgBoss(;\nawait boss.createQueue('emails');\n";
const PLAIN = 'export const answer = 42;\n';

let project: string;

/** A small app as a user has it: a git repository with an ignored folder and a node_modules folder. */
function writeProject(): void {
  const files: Record<string, string> = {
    'src/queues.ts': BARE,
    'src/plain.ts': PLAIN,
    'src/broken.ts': BROKEN,
    'src/generated/queues.ts': BARE,
    'node_modules/some-lib/index.js': BARE.replace(/^import.*$/m, "const { PgBoss } = require('pg-boss');"),
    '.gitignore': 'src/generated/\n',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), text);
  }
  execFileSync('git', ['init', '-q'], { cwd: project });
}

function codemod(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (file: string) => fs.readFileSync(path.join(project, file), 'utf8');

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-codemod-'));
  writeProject();
});
afterEach(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

describe('pg-boss-codemod', () => {
  it('--dry prints a unified diff and writes nothing', () => {
    const { code, stdout, stderr } = codemod('--dry', 'src');
    expect(code).toBe(0);
    expect(stdout).toContain('--- a/src/queues.ts');
    expect(stdout).toContain("-await boss.createQueue('emails');");
    expect(stdout).toContain("+await safeCreateQueue(boss, 'emails');");
    expect(stdout).toContain("+import { safeCreateQueue } from 'pg-boss-safe-create-queue';");
    expect(read('src/queues.ts')).toBe(BARE);
    expect(stderr).toContain(
      '(dry run, nothing written): 3 files scanned, 1 changed (1 calls rewritten), 1 unchanged, 1 skipped, 0 failed',
    );
  });

  it('rewrites bare calls, reports and keeps unparsable files, and skips ignored and installed code', () => {
    const { code, stderr } = codemod('src', 'node_modules/..');
    expect(code).toBe(0);
    expect(read('src/queues.ts')).toBe(
      "import { PgBoss } from 'pg-boss';\nimport { safeCreateQueue } from 'pg-boss-safe-create-queue';\n\nconst boss = new PgBoss('postgres://localhost/app');\nawait safeCreateQueue(boss, 'emails');\n",
    );
    expect(read('src/broken.ts')).toBe(BROKEN);
    expect(read('src/plain.ts')).toBe(PLAIN);
    expect(read('src/generated/queues.ts')).toBe(BARE);
    expect(read('node_modules/some-lib/index.js')).toContain("await boss.createQueue('emails')");
    expect(stderr).toMatch(/skipped src\/broken\.ts: could not parse: .*broken\.ts \(2:\d+\)/);
    expect(stderr).toContain('1 changed (1 calls rewritten)');
    // No temporary files are left behind.
    expect(fs.readdirSync(path.join(project, 'src')).sort()).toEqual([
      'broken.ts',
      'generated',
      'plain.ts',
      'queues.ts',
    ]);

    const again = codemod('src');
    expect(again.stderr).toContain('0 changed');
    expect(read('src/queues.ts')).toContain("await safeCreateQueue(boss, 'emails');");
  });

  it('--print writes the new text to stdout, and --import-source changes the import', () => {
    const { code, stdout } = codemod('--print', '--import-source', '#lib/queues', 'src/queues.ts');
    expect(code).toBe(0);
    expect(stdout).toBe(read('src/queues.ts'));
    expect(stdout).toContain("import { safeCreateQueue } from '#lib/queues';");
  });

  it('splits a large run across worker threads with --cpus and gets the same result', () => {
    for (let index = 0; index < 70; index++) fs.writeFileSync(path.join(project, `src/many-${index}.ts`), BARE);
    const { code, stderr } = codemod('--cpus', '2', 'src');
    expect(code).toBe(0);
    expect(stderr).toContain('73 files scanned, 71 changed (71 calls rewritten), 1 unchanged, 1 skipped, 0 failed');
    expect(read('src/many-69.ts')).toBe(read('src/queues.ts'));
  });

  it('exits 1 when a file fails, naming it and the reason', () => {
    fs.mkdirSync(path.join(project, 'elsewhere'));
    fs.symlinkSync(path.join(project, 'elsewhere'), path.join(project, 'src/linked.ts'));
    const { code, stderr } = codemod('src');
    expect(code).toBe(1);
    expect(stderr).toMatch(/failed src\/linked\.ts: could not read: EISDIR/);
    expect(read('src/queues.ts')).toContain('safeCreateQueue(boss');
  });

  it('exits 2 on a usage error', () => {
    expect(codemod().code).toBe(2);
    expect(codemod('missing-dir').stderr).toContain('No such file or directory: missing-dir');
    expect(codemod('--cpus', 'zero', 'src').code).toBe(2);
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
    expect(read('src/queues.ts')).toContain("await safeCreateQueue(boss, 'emails');");
  });
});
