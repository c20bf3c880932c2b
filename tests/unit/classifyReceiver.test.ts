import { parseForESLint } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { classifyReceiver } from '../../src/analysis/classifyReceiver';
import { DEFAULT_SETTINGS } from '../../src/analysis/pgBossSettings';
import type { SourceFile } from '../../src/util/sourceFile';
import { walkNodes } from '../../src/util/walkNodes';

function parse(code: string): { source: SourceFile; receivers: TSESTree.Expression[] } {
  const { ast, scopeManager } = parseForESLint(code, { sourceType: 'module', range: true, loc: true });
  const receivers: TSESTree.Expression[] = [];
  walkNodes(ast, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression)
      receivers.push(node.callee.object);
  });
  return { source: { text: code, ast, scopeManager }, receivers };
}

describe('classifyReceiver', () => {
  // A receiver's verdict is kept per parse, for every call on it; the settings can change it, so it is kept per settings too.
  it.each([
    [
      'a variable',
      "import Queues from '@acme/jobs';\nconst jobs = new Queues();\nawait jobs.createQueue('a');\nawait jobs.createQueue('b');\n",
    ],
    [
      'a class field',
      "import Queues from '@acme/jobs';\nclass Jobs {\n  constructor(private readonly jobs: Queues) {}\n  async start() {\n    await this.jobs.createQueue('a');\n    await this.jobs.createQueue('b');\n  }\n}\n",
    ],
  ])('gives each call on %s the verdict of the settings it is asked with', (_, code) => {
    const { source, receivers } = parse(code);
    const reexporting = { ...DEFAULT_SETTINGS, modules: ['@acme/jobs'] };
    expect(receivers.map((receiver) => classifyReceiver(source, receiver))).toEqual(['other', 'other']);
    expect(receivers.map((receiver) => classifyReceiver(source, receiver, reexporting))).toEqual([
      'pg-boss',
      'pg-boss',
    ]);
    expect(classifyReceiver(source, receivers[1]!)).toBe('other');
  });
});
