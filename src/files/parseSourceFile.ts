import type { parseForESLint as ParseForESLint } from '@typescript-eslint/parser';
import type { SourceFile } from '../util/sourceFile';
import { walkNodes } from '../util/walkNodes';
import { NO_LIBRARY_GLOBALS, parseWithOxc } from './parseWithOxc';
import { TOO_LARGE_WITHOUT_OXC, UnparsableFileError } from './unparsableFile';

/** The parser, loaded at the first parse: with TypeScript it takes most of a second, which a run without files to parse never pays. */
let parseForESLint: typeof ParseForESLint | undefined;

/** The most characters handed to typescript-estree, when oxc cannot parse a file (TOO_LARGE_WITHOUT_OXC). */
const MOST_FOR_TYPESCRIPT_ESTREE = 2 * 1024 * 1024;

/**
 * The jscodeshift parser name for a file, as @next/codemod chooses it: TypeScript without JSX for
 * `.ts/.mts/.cts` (where `<T>` is a type assertion), TSX for everything else, JavaScript included.
 */
export function parserFor(filePath: string): 'ts' | 'tsx' {
  return /\.[cm]?ts$/.test(filePath) ? 'ts' : 'tsx';
}

/**
 * Parses a file into the shapes ESLint gives the rule (ESTree, tokens, scope analysis, `parent` set on
 * every node), so the codemod and the rule analyse the same tree. `.cjs`/`.cts` are scripts, as ESLint's
 * `commonjs` source type.
 * oxc parses it when it can (`parseWithOxc`); typescript-estree, the parser the rule runs under, when oxc
 * is not available or finds a syntax error, so that parser's verdict and words decide what is skipped; a file
 * over MOST_FOR_TYPESCRIPT_ESTREE that oxc cannot parse is skipped unread, so no run waits minutes on one.
 */
export function parseSourceFile(text: string, filePath: string): SourceFile {
  const jsx = parserFor(filePath) === 'tsx';
  const sourceType = /\.c[jt]s$/.test(filePath) ? 'script' : 'module';
  const parsed = parseWithOxc(text, filePath, jsx, sourceType);
  if (parsed) return parsed;
  if (text.length > MOST_FOR_TYPESCRIPT_ESTREE)
    throw new UnparsableFileError(filePath, undefined, TOO_LARGE_WITHOUT_OXC, {});
  return parseWithTypeScriptEstree(text, filePath, jsx, sourceType);
}

function parseWithTypeScriptEstree(
  text: string,
  filePath: string,
  jsx: boolean,
  sourceType: 'script' | 'module',
): SourceFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it with this module
  parseForESLint ??= (require('@typescript-eslint/parser') as typeof import('@typescript-eslint/parser'))
    .parseForESLint;
  try {
    const { ast, scopeManager } = parseForESLint(text, {
      filePath,
      ecmaFeatures: { jsx },
      sourceType,
      range: true,
      loc: true,
      tokens: true,
      comment: true,
      lib: NO_LIBRARY_GLOBALS,
    });
    // oxc's tree gets its parents in the walk that settles it; typescript-estree's gets them here.
    walkNodes(ast, () => {});
    return { text, ast, scopeManager };
  } catch (error) {
    const { lineNumber, column, message } = error as { lineNumber?: number; column?: number; message?: string };
    const position = lineNumber === undefined ? undefined : `${lineNumber}:${(column ?? 0) + 1}`;
    throw new UnparsableFileError(filePath, position, message ?? String(error), { cause: error });
  }
}
