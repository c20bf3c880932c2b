import type { parseForESLint as ParseForESLint } from '@typescript-eslint/parser';
import type { SourceFile } from '../util/sourceFile';

/** The parser, loaded at the first parse: with TypeScript it takes most of a second, which a run without files to parse never pays. */
let parseForESLint: typeof ParseForESLint | undefined;

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
 * Parses a file into the shapes ESLint gives the rule (ESTree, tokens, scope analysis), so the codemod
 * and the rule analyse the same tree. `.cjs`/`.cts` are scripts, as ESLint's `commonjs` source type.
 * `tokens: false` leaves out the tokens and comments, which only a rewrite reads (the quote style): the
 * inventory parses without them, a sixth less work.
 */
export function parseSourceFile(
  text: string,
  filePath: string,
  { tokens = true }: { readonly tokens?: boolean } = {},
): SourceFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it with this module
  parseForESLint ??= (require('@typescript-eslint/parser') as typeof import('@typescript-eslint/parser'))
    .parseForESLint;
  try {
    const { ast, scopeManager } = parseForESLint(text, {
      filePath,
      ecmaFeatures: { jsx: parserFor(filePath) === 'tsx' },
      sourceType: /\.c[jt]s$/.test(filePath) ? 'script' : 'module',
      range: true,
      loc: true,
      tokens,
      comment: tokens,
    });
    return { text, ast, scopeManager };
  } catch (error) {
    const { lineNumber, column, message } = error as { lineNumber?: number; column?: number; message?: string };
    const position = lineNumber === undefined ? undefined : `${lineNumber}:${(column ?? 0) + 1}`;
    throw new UnparsableFileError(filePath, position, message ?? String(error), { cause: error });
  }
}
