import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ProblemKind } from '../inventory/queueInventory';
import type { QueueScan } from '../inventory/scanQueues';
import { isInside, relativePath } from '../util/relativePath';
import { problemsInFile, type ProblemLocated } from './problemsInFile';
import { projectRootsOf, type ProjectRoots } from './projectRoots';
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
  const { sourceCode, cwd, filename, physicalFilename } = context;
  // A block of another file, which a processor hands ESLint as a file of its own (`README.md/0.ts`, a Markdown
  // file's code block), is no file of the project: `pg-boss-queues` reads files as they lie on disk.
  if (filename !== physicalFilename) return [];
  const project = projectRootsOf(cwd, context.settings);
  const found = foundInThisLint(sourceCode, project, filename);
  if (!found) return [];
  const { root } = found.scan;
  const fromCwd = (file: string) => path.relative(cwd, path.join(root, file)).split(path.sep).join('/');
  const problems: ProblemInLintedFile[] = [];
  for (const { problem, location } of found.problems) {
    const { kind, queue, locations } = problem;
    if (!kinds.has(kind) || queue === null) continue;
    const position = { line: location.line, column: location.column - 1 };
    const call = findCallAt(sourceCode, position);
    problems.push({
      kind,
      queue,
      report: call ? { node: call } : { loc: position },
      elsewhere: locations
        .filter((other) => other !== location)
        .map((other) => `${fromCwd(other.file)}:${other.line}:${other.column}`),
      project: project.description,
    });
  }
  return problems;
}

/** What one lint found of its project: the scan, and the problems it locates in the linted file. */
interface LintFound {
  readonly scan: QueueScan;
  readonly problems: readonly ProblemLocated[];
}

/** What each lint found of its project, by the tree ESLint parsed for it: a new tree for each lint. */
const foundByLint = new WeakMap<
  object,
  { readonly file: string; readonly project: ProjectRoots; readonly found: LintFound | undefined }
>();

/**
 * The project's scan for this lint and the problems it places in the linted file, or undefined when the
 * file is outside the project. Both project rules run in each lint and nothing is read again between two
 * rules of one lint, so the second answers from what the first found: asking the project again would count
 * as a re-lint of the file, which always looks at the disk (src/util/diskLook.ts).
 */
function foundInThisLint(
  sourceCode: Readonly<TSESLint.SourceCode>,
  project: ProjectRoots,
  file: string,
): LintFound | undefined {
  const asked = foundByLint.get(sourceCode.ast);
  if (asked?.file === file && asked.project === project) return asked.found;
  const { roots } = project;
  let found: LintFound | undefined;
  // Scanned again only when something changed: on disk, or the linted text against what the scan read.
  if (roots.some((root) => isInside(root, file))) {
    const scan = scanProject(roots, { file, text: sourceCode.text });
    found = {
      scan,
      problems: problemsInFile(scan.inventory, relativePath(scan.root, file)),
    };
  }
  foundByLint.set(sourceCode.ast, { file, project, found });
  return found;
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
