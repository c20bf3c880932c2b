import type { parseForESLint as ParseForESLint } from '@typescript-eslint/parser';
import type { SourceFile } from '../util/sourceFile';
import { walkNodes } from '../util/walkNodes';
import { NO_LIBRARY_GLOBALS, parseWithOxc } from './parseWithOxc';

/** The parser, loaded at the first parse: with TypeScript it takes most of a second, which a run without files to parse never pays. */
let parseForESLint: typeof ParseForESLint | undefined;

/** V8's message when a thread runs out of stack. */
const STACK_OVERFLOW = 'Maximum call stack size exceeded';

/** Why a file the parser or a walk of its tree ran out of stack on is skipped. */
export const TOO_DEEP = 'nested too deeply: ran out of stack';

/**
 * Whether an error is a thread running out of stack, in the parser (typescript-estree's, whose JavaScript
 * recursion ends in a RangeError) or in a walk of the tree: a thread with a larger stack may get further.
 */
export function ranOutOfStack(error: unknown): boolean {
  return (
    (error instanceof RangeError && error.message === STACK_OVERFLOW) ||
    (error instanceof UnparsableFileError && error.parserMessage === STACK_OVERFLOW)
  );
}

/** A file that cannot be parsed: skipped and reported, never written. The message names the file too. */
export class UnparsableFileError extends Error {
  override readonly name = 'UnparsableFileError';

  constructor(
    readonly file: string,
    /** `line:column`, both from 1, when the parser gives a position. */
    readonly position: string | undefined,
    /** The parser's own words: `',' expected.` */
    readonly parserMessage: string,
    options: ErrorOptions,
  ) {
    super(`${file}${position === undefined ? '' : ` (${position})`}: ${parserMessage}`, options);
  }

  /** What the CLIs print after a skipped file's name: `syntax error at 2:25: ',' expected.` */
  get reason(): string {
    if (this.parserMessage === STACK_OVERFLOW) return TOO_DEEP;
    return `syntax error${this.position === undefined ? '' : ` at ${this.position}`}: ${this.parserMessage}`;
  }
}

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
 * is not available or finds a syntax error, so that parser's verdict and words decide what is skipped.
 */
export function parseSourceFile(text: string, filePath: string): SourceFile {
  const jsx = parserFor(filePath) === 'tsx';
  const sourceType = /\.c[jt]s$/.test(filePath) ? 'script' : 'module';
  return parseWithOxc(text, filePath, jsx, sourceType) ?? parseWithTypeScriptEstree(text, filePath, jsx, sourceType);
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
