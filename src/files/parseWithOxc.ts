import type * as OxcParser from 'oxc-parser' with { 'resolution-mode': 'import' };
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { SourceFile } from '../util/sourceFile';
import { positionAt } from '../util/positions';
import { walkNodes } from '../util/walkNodes';
import { mayNestDeeperThan } from './estimateNestingDepth';
import { hasHtmlComment, isRejectedByTypeScriptEstree } from './rejectedByTypeScriptEstree';
import { TOO_LARGE, UnparsableFileError } from './unparsableFile';

/**
 * oxc's parser, loaded at the first parse; `null` where it cannot load (no native build for the
 * platform): every file then goes to typescript-estree.
 */
let oxc: typeof OxcParser | null | undefined;

/** The scope manager, loaded at the first parse as well: a run with nothing to parse never pays for it. */
let analyze: typeof import('@typescript-eslint/scope-manager').analyze | undefined;

/**
 * The library globals (`Promise`, `Map`…) declared in each file's global scope: none. The analysis reads a
 * variable through its definitions, and one of these has none, so it treats a name that resolves to one as
 * a name that resolves to nothing; declaring them in every parsed file took about half of the scope analysis.
 */
export const NO_LIBRARY_GLOBALS: [] = [];

/**
 * The deepest nesting (estimateNestingDepth) handed to oxc. Its parser recurses on the native stack with
 * no limit, and past it the process dies of a segmentation fault; on the 8 MB of the main thread (and of
 * the codemod's workers) the shallowest overflow measured is at an estimate of 11,600 (`[[[…]]]`), and the
 * deepest file met in real code (ESLint's, typescript-eslint's, pg-boss's, vitest's and our fixtures) is at
 * 2,060, ESLint's table of its rules.
 */
const DEEPEST_FOR_OXC = 5_000;

/**
 * Parses a file with oxc (a native parser that starts in milliseconds where TypeScript's takes most of a
 * second) into the same TS-ESTree the rule sees, or returns undefined when oxc is not available, finds
 * a syntax error or accepts what typescript-estree rejects or reads otherwise (rejectedByTypeScriptEstree.ts):
 * typescript-estree then decides, so a skipped file gives the reason it always gave. A file that may nest
 * too deeply for oxc's native stack (DEEPEST_FOR_OXC) goes to typescript-estree unread: in JavaScript, a
 * stack too small ends in an error that can be caught. One whose tree oxc cannot hand over is skipped
 * (TOO_LARGE): typescript-estree would take many minutes on it.
 *
 * oxc's TS-ESTree matches typescript-estree node for node, ranges included (tests/unit/parseWithOxc.test.ts
 * holds it to that), `loc` aside. The differences are settled here, in one walk: an absent optional part is
 * `null` to oxc and `undefined` to typescript-estree (`directive`, `typeAnnotation`…), and oxc gives no
 * tokens, so `program.tokens` lists the string tokens (the only tokens the rewrite reads, for the file's
 * quote style). oxc gives no `loc` either, and none is set: the few positions the scan reports are read from
 * ranges (src/util/positions.ts). oxc also gives the program a `hashbang` node (a comment to
 * typescript-estree) and a template's `raw` with `\r\n` read as `\n` (the source text to typescript-estree).
 * The scopes come from the scope manager that `@typescript-eslint/parser` itself runs, with the options
 * parseSourceFile gives that parser.
 */
export function parseWithOxc(
  text: string,
  filePath: string,
  jsx: boolean,
  sourceType: 'script' | 'module',
): SourceFile | undefined {
  oxc ??= loadOxc();
  if (!oxc || mayNestDeeperThan(text, DEEPEST_FOR_OXC)) return undefined;
  const result = oxc.parseSync(filePath, text, {
    lang: /\.d\.[cm]?ts$/.test(filePath) ? 'dts' : jsx ? 'tsx' : 'ts',
    astType: 'ts',
    sourceType,
    range: true,
    preserveParens: false,
  });
  if (result.errors.length > 0 || hasHtmlComment(text, result.comments)) return undefined;
  const ast = programOf(result, filePath);
  ast.sourceType = sourceType;
  // typescript-estree's program starts at 0, before any leading comment; oxc's at its first token.
  ast.range = [0, ast.range[1]];
  (ast as { hashbang?: unknown }).hashbang = undefined;
  const tokens = toTypeScriptEstree(ast, text);
  if (!tokens) return undefined;
  ast.tokens = tokens;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it with this module
  analyze ??= (require('@typescript-eslint/scope-manager') as typeof import('@typescript-eslint/scope-manager'))
    .analyze;
  return { text, ast, scopeManager: analyze(ast, { sourceType, lib: NO_LIBRARY_GLOBALS }) };
}

/** oxc's tree, which it hands over as one string: a file whose string would be too long is skipped (TOO_LARGE). */
function programOf(result: OxcParser.ParseResult, filePath: string): TSESTree.Program {
  try {
    return result.program as unknown as TSESTree.Program;
  } catch (error) {
    throw new UnparsableFileError(filePath, undefined, TOO_LARGE, { cause: error });
  }
}

function loadOxc(): typeof OxcParser | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at the first parse, and optional
    return require('oxc-parser') as typeof OxcParser;
  } catch {
    return null;
  }
}

/**
 * Optional parts that typescript-estree leaves undefined when absent and oxc sets to `null`, by key:
 * `node.directive !== undefined` must not hold for every expression statement.
 */
const ABSENT_AS_UNDEFINED = [
  'accessibility',
  'constraint',
  'default',
  'directive',
  'initializer',
  'readonly',
  'returnType',
  'superTypeArguments',
  'typeAnnotation',
  'typeArguments',
  'typeParameters',
];
/** Per node type, the exceptions both ways: `null` in typescript-estree too, or undefined under a key that is `null` elsewhere. */
const ABSENT_AS_NULL_IN: Partial<Record<AST_NODE_TYPES, string>> = {
  [AST_NODE_TYPES.TSImportType]: 'typeArguments',
  [AST_NODE_TYPES.TSTypePredicate]: 'typeAnnotation',
};
const ABSENT_AS_UNDEFINED_IN: Partial<Record<AST_NODE_TYPES, string>> = {
  [AST_NODE_TYPES.RestElement]: 'value',
  [AST_NODE_TYPES.TSDeclareFunction]: 'body',
};

/**
 * Turns oxc's tree into typescript-estree's: absent parts undefined, a template's `raw` as written. Returns
 * the file's string tokens in order, or undefined when a node is one typescript-estree rejects or reads
 * otherwise.
 */
function toTypeScriptEstree(ast: TSESTree.Program, text: string): TSESTree.Token[] | undefined {
  const source = { text, ast };
  const tokens: TSESTree.Token[] = [];
  let rejected = false;
  walkNodes(ast, (node) => {
    if (isRejectedByTypeScriptEstree(node)) rejected = true;
    const fields = node as unknown as Record<string, unknown>;
    const keptNull = ABSENT_AS_NULL_IN[node.type];
    // Twelve look-ups per node cost less than enumerating every node's keys.
    for (const key of ABSENT_AS_UNDEFINED) if (fields[key] === null && key !== keptNull) fields[key] = undefined;
    const alsoUndefined = ABSENT_AS_UNDEFINED_IN[node.type];
    if (alsoUndefined !== undefined && fields[alsoUndefined] === null) fields[alsoUndefined] = undefined;
    // The range holds the delimiters: `` ` `` or `}` before, `` ` `` or `${` after.
    if (node.type === AST_NODE_TYPES.TemplateElement)
      node.value.raw = text.slice(node.range[0] + 1, node.range[1] - (node.tail ? 1 : 2));
    // A JSX attribute's string is a JSXText token to typescript-estree and espree, not a String.
    if (
      node.type === AST_NODE_TYPES.Literal &&
      typeof node.value === 'string' &&
      node.parent?.type !== AST_NODE_TYPES.JSXAttribute
    ) {
      const loc = { start: positionAt(source, node.range[0]), end: positionAt(source, node.range[1]) };
      tokens.push({ type: AST_TOKEN_TYPES.String, value: node.raw, range: node.range, loc });
    }
  });
  return rejected ? undefined : tokens;
}
