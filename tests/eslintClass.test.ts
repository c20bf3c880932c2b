import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10 } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src';

const app = path.resolve(__dirname, 'fixtures/app');

// eslint-9 is an npm alias of ESLint 9, installed beside ESLint 10.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ESLint: ESLint9 } = require('eslint-9') as { ESLint: typeof ESLint10 };

/** The one-line setup the README gives: the TypeScript parser for TS files, then the recommended config. */
const config = [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  plugin.configs.recommended,
];

describe.each([
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9],
])('%s on files', (_label, ESLint) => {
  it('reports exactly the bare calls, in TypeScript and CommonJS files', async () => {
    const eslint = new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig: config as never });
    const results = await eslint.lintFiles(['queues.ts', 'worker.cjs', 'odd-syntax.tsx']);
    const found = results
      .map((result) => ({
        file: path.basename(result.filePath),
        fatal: result.messages.filter((message) => message.fatal).length,
        lines: result.messages
          .filter((message) => message.ruleId === 'pg-boss/no-bare-create-queue')
          .map((message) => message.line),
      }))
      .sort((a, b) => a.file.localeCompare(b.file));
    expect(found).toEqual([
      { file: 'odd-syntax.tsx', fatal: 0, lines: [] },
      { file: 'queues.ts', fatal: 0, lines: [6, 10] },
      { file: 'worker.cjs', fatal: 0, lines: [14] },
    ]);
  });

  it('lints an empty file', async () => {
    const eslint = new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig: config as never });
    const [result] = await eslint.lintText('', { filePath: path.join(app, 'empty.ts') });
    expect(result?.messages).toEqual([]);
  });
});
