import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { newSchemaName } from '../support/bossFactory';
import { createTestDatabase } from '../support/database';
import { createConsumerProject, readmeBlock, readmeCommands, readmeFileName } from './consumerProject';
import {
  applyLspEdits,
  createEditorWorkspace,
  createProjectRulesWorkspace,
  useEditorSession,
  type Diagnostic,
} from './editorSession';

let project: string;

beforeAll(() => {
  project = createConsumerProject();
}, 180_000);
afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

/** Runs an installed bin of the consumer project, as `npx` would. */
function runBin(bin: string, args: string[]) {
  const result = spawnSync(path.join(project, 'node_modules/.bin', bin), args, { cwd: project, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `eslint --format json .` under ESLint 10 or 9: which file and line each finding of our rule is on. */
function lint(eslintPackage: 'eslint' | 'eslint-9') {
  const result = spawnSync(
    process.execPath,
    [path.join(project, 'node_modules', eslintPackage, 'bin/eslint.js'), '--format', 'json', '.'],
    { cwd: project, encoding: 'utf8' },
  );
  const reports = JSON.parse(result.stdout) as Array<{
    filePath: string;
    messages: Array<{ ruleId: string | null; line: number; fatal?: boolean }>;
  }>;
  return {
    code: result.status,
    findings: reports
      .flatMap((report) =>
        report.messages.map(
          (message) => `${path.relative(project, report.filePath)}:${message.line} ${message.ruleId ?? 'fatal'}`,
        ),
      )
      .sort(),
  };
}

/** The README's `npx oxlint …` line, with its `.oxlintrc.json`: which file and line each finding of our rule is on. */
function oxlint() {
  const [args] = readmeCommands('### oxlint', 'oxlint');
  const result = spawnSync(
    process.execPath,
    [path.join(project, 'node_modules/oxlint/bin/oxlint'), '--format', 'json', ...args!],
    { cwd: project, encoding: 'utf8' },
  );
  const { diagnostics } = JSON.parse(result.stdout) as {
    diagnostics: Array<{ code: string; filename: string; labels: Array<{ span: { line: number } }> }>;
  };
  return {
    code: result.status,
    findings: diagnostics
      // oxlint's own default rules also run; only ours is compared.
      .filter((diagnostic) => diagnostic.code === 'pg-boss(no-bare-create-queue)')
      .map((diagnostic) => `${diagnostic.filename}:${diagnostic.labels[0]!.span.line} pg-boss/no-bare-create-queue`)
      .sort(),
  };
}

const BARE_CALLS = [
  'src/jobs.ts:4 pg-boss/no-bare-create-queue',
  'src/queues.mjs:10 pg-boss/no-bare-create-queue',
  'src/worker.cjs:16 pg-boss/no-bare-create-queue',
];

describe('the packed package in a consumer project', () => {
  it.each(['eslint', 'eslint-9'] as const)(
    "%s reports exactly the bare calls with the README's eslint.config.mjs in a CommonJS package",
    (eslintPackage) => {
      expect(lint(eslintPackage)).toEqual({ code: 1, findings: BARE_CALLS });
    },
  );

  it("the README's oxlint command reports exactly the bare calls with its jsPlugins config", () => {
    expect(oxlint()).toEqual({ code: 1, findings: BARE_CALLS });
  });

  describe.each(['eslint', 'eslint-9'] as const)("VS Code's ESLint server on %s", (eslintPackage) => {
    const session = useEditorSession(() => createEditorWorkspace(project, eslintPackage));
    const ours = (items: Diagnostic[]) => items.filter((item) => item.code === 'pg-boss/no-bare-create-queue');

    it('shows the diagnostic and applies the quick fix', async () => {
      const file = path.join(session.workspace, 'src/jobs.ts');
      const uri = pathToFileURL(file).href;
      const text = fs.readFileSync(file, 'utf8');
      session.editor.open(uri, 'typescript', text);
      const [diagnostic, ...others] = ours(await session.editor.diagnostics(uri));
      expect(others).toEqual([]);
      // `boss.createQueue('thumbnails', { retryLimit: 5 })` on line 4 (0-based 3), after `  await `.
      expect(diagnostic!.range).toEqual({ start: { line: 3, character: 8 }, end: { line: 3, character: 57 } });

      const actions = await session.editor.codeActions(uri, diagnostic!);
      const quickFix = actions.find((action) => action.title.startsWith('Rewrite to `safeCreateQueue(boss, …)`'));
      expect(quickFix?.command?.command).toBe('eslint.applySuggestion');
      const fixed = applyLspEdits(text, await session.editor.run(quickFix!));
      expect(fixed).toBe(
        text
          .replace(
            "import { PgBoss } from 'pg-boss';",
            "import { PgBoss } from 'pg-boss';\nimport { safeCreateQueue } from 'pg-boss-safe-create-queue';",
          )
          .replace("await boss.createQueue('thumbnails'", "await safeCreateQueue(boss, 'thumbnails'"),
      );

      session.editor.change(uri, 2, fixed);
      expect(ours(await session.editor.diagnostics(uri))).toEqual([]);
    });

    // Issue 9.1: type information decides in every file of a program, not only in the first one linted.
    it('reports a call only the types recognise, in a file that is not the first of its program', async () => {
      const lines = [];
      for (const name of ['first', 'second']) {
        const uri = pathToFileURL(path.join(session.workspace, `src/${name}.ts`)).href;
        session.editor.open(uri, 'typescript', fs.readFileSync(path.join(session.workspace, `src/${name}.ts`), 'utf8'));
        lines.push(
          ...ours(await session.editor.diagnostics(uri)).map((item) => `${name}:${item.range.start.line + 1}`),
        );
      }
      expect(lines).toEqual(['first:4', 'second:4']);
    });
  });

  describe.each(['eslint', 'eslint-9'] as const)(
    "VS Code's ESLint server on %s, with recommended-project",
    (eslintPackage) => {
      const session = useEditorSession(() => createProjectRulesWorkspace(project, eslintPackage));

      it("shows the undeclared queue at the wrapper's caller, and follows the unsaved text", async () => {
        const uri = pathToFileURL(path.join(session.workspace, 'src/billing.ts')).href;
        const text = fs.readFileSync(path.join(session.workspace, 'src/billing.ts'), 'utf8');
        session.editor.open(uri, 'typescript', text);
        const diagnostics = await session.editor.diagnostics(uri);
        expect(diagnostics.map(({ code, range }) => ({ code, range }))).toEqual([
          // `enqueue('invoices', {})` on line 5 (0-based 4), after `  await `.
          {
            code: 'pg-boss/no-undeclared-queue',
            range: { start: { line: 4, character: 8 }, end: { line: 4, character: 31 } },
          },
        ]);
        expect(diagnostics[0]!.message).toContain('Queue "invoices" is declared nowhere in this project');

        session.editor.change(uri, 2, text.replace("enqueue('invoices'", "enqueue('emails'"));
        expect(await session.editor.diagnostics(uri)).toEqual([]);
      });
    },
  );

  // It once used `boss` without making one, and declared `emails` twice with different options.
  it("the README's runtime example runs as written, against PostgreSQL, and twice is idempotent", async () => {
    const example = readmeBlock('### Runtime helper', 'js');
    const script = path.join(project, readmeFileName(example));
    fs.writeFileSync(script, example);
    const database = await createTestDatabase('readme_runtime');
    try {
      const boot = async () =>
        (
          await promisify(execFile)(process.execPath, [script], {
            cwd: project,
            env: { ...process.env, DATABASE_URL: database.url },
          })
        ).stdout;
      expect([await boot(), await boot()]).toEqual(['created true\n', 'exists true\n']);
      const queues = await database.query<{ name: string; dead_letter: string | null; retry_limit: number }>(
        // pg-boss's own internal queues start with __pgboss__.
        "SELECT name, dead_letter, retry_limit FROM pgboss.queue WHERE name NOT LIKE '\\_\\_pgboss%' ORDER BY name",
      );
      expect(queues.map(({ name, dead_letter }) => [name, dead_letter])).toEqual([
        ['emails', 'emails_dlq'],
        ['emails_dlq', null],
        ['reports', null],
        ['thumbnails', null],
      ]);
      expect(queues.find(({ name }) => name === 'thumbnails')!.retry_limit).toBe(5);
    } finally {
      fs.rmSync(script);
      await database.drop();
    }
  });

  it('pg-boss-codemod --dry prints the diff and writes nothing', () => {
    const before = fs.readFileSync(path.join(project, 'src/queues.mjs'), 'utf8');
    const { code, stdout, stderr } = runBin('pg-boss-codemod', ['--dry', 'src']);
    expect(code).toBe(0);
    expect(stdout).toContain('+    await safeCreateQueue(boss, name, options);');
    expect(stderr).toContain('4 files scanned, 3 changed (3 calls rewritten)');
    expect(fs.readFileSync(path.join(project, 'src/queues.mjs'), 'utf8')).toBe(before);
  });

  describe('after pg-boss-codemod src', () => {
    beforeAll(() => {
      expect(runBin('pg-boss-codemod', ['src']).code).toBe(0);
    });

    it.each(['eslint', 'eslint-9'] as const)('%s reports nothing', (eslintPackage) => {
      expect(lint(eslintPackage)).toEqual({ code: 0, findings: [] });
    });

    it('oxlint reports nothing', () => {
      expect(oxlint().findings).toEqual([]);
    });

    it.each([
      ['12', 'pg-boss'],
      ['10', 'pg-boss-10'],
    ])(
      'the app declares its queues from two processes at once on pg-boss %s, without errors',
      async (_major, pgBossPackage) => {
        const env = {
          ...process.env,
          DATABASE_URL: inject('databaseUrl'),
          PG_BOSS_PACKAGE: pgBossPackage,
          PG_BOSS_SCHEMA: newSchemaName(),
        };
        const run = () => promisify(execFile)(process.execPath, ['scripts/declare.mjs'], { cwd: project, env });
        const results = await Promise.allSettled([run(), run()]);
        expect(
          results.map((result) => (result.status === 'fulfilled' ? result.value.stdout.trim() : String(result.reason))),
        ).toEqual(['queues declared', 'queues declared']);
      },
    );
  });
});
