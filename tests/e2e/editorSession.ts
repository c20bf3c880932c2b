import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { LspClient } from '../support/lspClient';

const SERVER = path.resolve(
  __dirname,
  '../../node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server',
);

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface Diagnostic {
  range: Range;
  code?: string | number;
  message: string;
  source?: string;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  command?: { command: string; arguments?: unknown[] };
}

/**
 * VS Code's ESLint language server (vscode-langservers-extracted 4.10.0) on one project, driven the way
 * the editor drives it. That server answers pull diagnostics, sends quick fixes as commands whose edit
 * comes back as workspace/applyEdit, and needs every setting the extension would send.
 */
export class EditorSession {
  private readonly client: LspClient;
  private readonly edits: TextEdit[] = [];

  private constructor(private readonly project: string) {
    this.client = new LspClient(process.execPath, [SERVER, '--stdio'], project);
    const workspaceFolder = { name: path.basename(project), uri: pathToFileURL(project).href };
    const settings = {
      validate: 'on',
      run: 'onType',
      packageManager: 'npm',
      useESLintClass: false,
      nodePath: null,
      quiet: false,
      onIgnoredFiles: 'off',
      options: {},
      format: false,
      rulesCustomizations: [],
      problems: { shortenToSingleLine: false },
      codeAction: {
        disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
        showDocumentation: { enable: true },
      },
      codeActionOnSave: { enable: false, mode: 'all', rules: [] },
      // The server's "experimental" switch predates ESLint 9, where flat config became the default.
      experimental: { useFlatConfig: false },
      workingDirectory: { directory: project, '!cwd': false },
      workspaceFolder,
    };
    this.client.onRequest('workspace/configuration', (params) =>
      (params as { items: unknown[] }).items.map(() => settings),
    );
    this.client.onRequest('workspace/applyEdit', (params) => {
      const { edit } = params as {
        edit: { changes?: Record<string, TextEdit[]>; documentChanges?: Array<{ edits: TextEdit[] }> };
      };
      this.edits.push(
        ...(edit.documentChanges?.flatMap((change) => change.edits) ?? Object.values(edit.changes ?? {}).flat()),
      );
      return { applied: true };
    });
  }

  static async start(project: string): Promise<EditorSession> {
    const session = new EditorSession(project);
    await session.client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(project).href,
      workspaceFolders: [{ name: path.basename(project), uri: pathToFileURL(project).href }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, applyEdit: true, executeCommand: {} },
        textDocument: {
          synchronization: {},
          diagnostic: {},
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } },
          },
        },
      },
    });
    session.client.notify('initialized', {});
    return session;
  }

  open(uri: string, languageId: string, text: string): void {
    this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, version: number, text: string): void {
    this.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    return report.items;
  }

  async codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  }

  /** Runs a quick fix's command and returns the edits the server asked the editor to apply. */
  async run(action: CodeAction): Promise<TextEdit[]> {
    this.edits.length = 0;
    await this.client.request('workspace/executeCommand', action.command);
    return [...this.edits];
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** Applies LSP edits (line/character positions) to a text, last edit first. */
export function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const offset = ({ line, character }: { line: number; character: number }) => lineStarts[line]! + character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce(
      (current, edit) =>
        current.slice(0, offset(edit.range.start)) + edit.newText + current.slice(offset(edit.range.end)),
      text,
    );
}

/**
 * An editor session on a workspace made by `create`, for the tests of the enclosing describe: started
 * before them, closed and its folder removed after. The getters read what the hooks set.
 */
export function useEditorSession(create: () => string): { readonly workspace: string; readonly editor: EditorSession } {
  let workspace: string | undefined;
  let editor: EditorSession | undefined;
  beforeAll(async () => {
    workspace = create();
    editor = await EditorSession.start(workspace);
  });
  afterAll(async () => {
    await editor?.close();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });
  return {
    get workspace() {
      return workspace!;
    },
    get editor() {
      return editor!;
    },
  };
}

/** The ESLint majors the editor tests run on: the consumer project installs 9 as the alias `eslint-9`. */
export type EslintPackage = 'eslint' | 'eslint-9';

/**
 * A folder of the consumer project that VS Code would open as its own workspace, whose `eslint` is the
 * given major (the language server loads the workspace's `eslint`), linted with type information:
 * `src/jobs.ts` from the app, and `src/first.ts`/`src/second.ts`, two files of one TypeScript program
 * whose receivers only the types recognise. Remove it when done: `eslint .` at the project root must not see it.
 */
export function createEditorWorkspace(project: string, eslintPackage: EslintPackage): string {
  const workspace = createWorkspace(project, `editor-${eslintPackage}`, eslintPackage, {
    // `.mjs`: the consumer project around the workspace is CommonJS, as `npm init -y` makes it.
    'eslint.config.mjs': [
      "import tsParser from '@typescript-eslint/parser';",
      "import pgBoss from 'eslint-plugin-pg-boss';",
      '',
      'export default [',
      "  { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },",
      '  pgBoss.configs.recommended,',
      '];',
      '',
    ].join('\n'),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'preserve',
        moduleResolution: 'bundler',
        strict: true,
        noEmit: true,
      },
      include: ['src'],
    }),
    'src/open-queues.ts': [
      "import { PgBoss } from 'pg-boss';",
      '',
      'export function openQueues(): Promise<PgBoss> {',
      "  return new PgBoss(process.env.DATABASE_URL ?? '').start();",
      '}',
      '',
    ].join('\n'),
    ...Object.fromEntries(
      ['first', 'second'].map((name) => [
        `src/${name}.ts`,
        `import { openQueues } from './open-queues';\n\nconst q = await openQueues();\nawait q.createQueue('${name}');\n`,
      ]),
    ),
  });
  fs.copyFileSync(path.join(project, 'src/jobs.ts'), path.join(workspace, 'src/jobs.ts'));
  return workspace;
}

/**
 * A small project of its own for the project rules (`recommended-project`), a workspace as above: one
 * module holds the instance, one declares `emails`, one wraps `send`, and `src/billing.ts`, which names
 * no pg-boss method, sends through the wrapper to `emails` and to `invoices`, which nothing declares.
 */
export function createProjectRulesWorkspace(project: string, eslintPackage: EslintPackage): string {
  return createWorkspace(project, `editor-project-${eslintPackage}`, eslintPackage, {
    'eslint.config.mjs': [
      "import tsParser from '@typescript-eslint/parser';",
      "import pgBoss from 'eslint-plugin-pg-boss';",
      '',
      "export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, pgBoss.configs['recommended-project']];",
      '',
    ].join('\n'),
    'src/boss.ts': "import { PgBoss } from 'pg-boss';\n\nexport default new PgBoss(process.env.DATABASE_URL ?? '');\n",
    'src/queues.ts': "import boss from './boss';\n\nexport const declareQueues = () => boss.createQueue('emails');\n",
    'src/enqueue.ts':
      "import boss from './boss';\n\nexport const enqueue = (name: string, data: object) => boss.send(name, data);\n",
    'src/billing.ts': [
      "import { enqueue } from './enqueue';",
      '',
      'export async function bill(): Promise<void> {',
      "  await enqueue('emails', {});",
      "  await enqueue('invoices', {});",
      '}',
      '',
    ].join('\n'),
  });
}

/** A folder of `project` with `files`, whose `node_modules/eslint` is the given major of the project's. */
function createWorkspace(
  project: string,
  name: string,
  eslintPackage: EslintPackage,
  files: Record<string, string>,
): string {
  const workspace = path.join(project, name);
  fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
  fs.mkdirSync(path.join(workspace, 'node_modules'));
  fs.symlinkSync(path.join(project, 'node_modules', eslintPackage), path.join(workspace, 'node_modules/eslint'), 'dir');
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(workspace, file), text);
  return workspace;
}
