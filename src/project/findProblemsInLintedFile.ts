import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { readPgBossSettings } from '../analysis/pgBossSettings';
import type { ProblemKind } from '../inventory/queueInventory';
import type { QueueScan } from '../inventory/scanQueues';
import { problemsInFile } from './problemsInFile';
import { scanProject } from './scanProject';

/** A problem of the project's inventory at one place in the linted file. */
export interface ProblemInLintedFile {
  readonly kind: ProblemKind;
  readonly queue: string;
  /** Where to report: the call the inventory located, or its position when no call starts there. */
  readonly report: { readonly node: TSESTree.Node } | { readonly loc: TSESTree.Position };
  /** The problem's other locations, `file:line:column` relative to ESLint's working directory. */
  readonly elsewhere: readonly string[];
  /** The folders the project was read from, as a message names them: `this project` for ESLint's working directory. */
  readonly project: string;
}

/**
 * The problems of `kinds` that the project's inventory (src/inventory, the analysis `pg-boss-queues`
 * runs) locates in the file being linted, whatever the file mentions: a wrapper's caller (`enqueue('x')`
 * where `enqueue` sends in another file) holds no pg-boss method at all. The project is ESLint's working
 * directory, or the folders `settings['pg-boss'].queueRoots` names; the linted file's text is ESLint's,
 * unsaved edits included.
 */
export function findProblemsInLintedFile(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  kinds: ReadonlySet<ProblemKind>,
): ProblemInLintedFile[] {
  const { sourceCode, cwd, filename } = context;
  const { queueRoots } = readPgBossSettings(context.settings);
  const roots = (queueRoots.length > 0 ? queueRoots : ['.']).map((root) => path.resolve(cwd, root));
  const scan = scanOfThisLint(sourceCode, roots, filename);
  if (!scan) return [];
  const { inventory, root } = scan;
  const linted = path.relative(root, filename).split(path.sep).join('/');
  const fromCwd = (file: string) => path.relative(cwd, path.join(root, file)).split(path.sep).join('/');
  const found: ProblemInLintedFile[] = [];
  for (const { problem, location } of problemsInFile(inventory, linted)) {
    const { kind, queue, locations } = problem;
    if (!kinds.has(kind) || queue === null) continue;
    const position = { line: location.line, column: location.column - 1 };
    const call = findCallAt(sourceCode, position);
    found.push({
      kind,
      queue,
      report: call ? { node: call } : { loc: position },
      elsewhere: locations
        .filter((other) => other !== location)
        .map((other) => `${fromCwd(other.file)}:${other.line}:${other.column}`),
      project: describeProject(cwd, roots),
    });
  }
  return found;
}

/** What each lint found of its project, by the tree ESLint parsed for it: a new tree for each lint. */
const scansByLint = new WeakMap<object, { readonly key: string; readonly scan: QueueScan | undefined }>();

/**
 * The project's scan for this lint, or undefined when the linted file is outside it. Both project
 * rules run in each lint and nothing is read again between two rules of one lint, so the second answers
 * from what the first found: asking the project again would count as a re-lint of the file, which
 * always looks at the disk (src/util/diskLook.ts).
 */
function scanOfThisLint(
  sourceCode: Readonly<TSESLint.SourceCode>,
  roots: readonly string[],
  file: string,
): QueueScan | undefined {
  const key = JSON.stringify([file, roots]);
  const asked = scansByLint.get(sourceCode.ast);
  if (asked?.key === key) return asked.scan;
  // Scanned again only when something changed: on disk, or the linted text against what the scan read.
  const scan = roots.some((root) => isInside(root, file))
    ? scanProject(roots, { file, text: sourceCode.text })
    : undefined;
  scansByLint.set(sourceCode.ast, { key, scan });
  return scan;
}

function describeProject(cwd: string, roots: readonly string[]): string {
  const relative = roots.map((root) => path.relative(cwd, root).split(path.sep).join('/') || '.');
  return relative.length === 1 && relative[0] === '.' ? 'this project' : relative.join(', ');
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The outermost call starting at `position` (`boss.send(…)` rather than `boss`), for the report's range. */
function findCallAt(sourceCode: Readonly<TSESLint.SourceCode>, position: TSESTree.Position): TSESTree.Node | undefined {
  let index: number;
  try {
    index = sourceCode.getIndexFromLoc(position);
  } catch {
    return undefined;
  }
  let node: TSESTree.Node | null = sourceCode.getNodeByRangeIndex(index);
  let call: TSESTree.Node | undefined;
  while (node && node.range[0] === index && CALL_PARTS.has(node.type)) {
    if (node.type === AST_NODE_TYPES.CallExpression) call = node;
    node = node.parent ?? null;
  }
  return call;
}

const CALL_PARTS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSNonNullExpression,
]);
