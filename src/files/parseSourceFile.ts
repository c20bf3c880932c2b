import type * as TypeScriptESLintParser from '@typescript-eslint/parser';
import type { SourceFile } from '../util/sourceFile';

/**
 * Loaded at the first parse: it brings TypeScript (seconds to load), which loading the plugin must not
 * cost an ESLint or oxlint run whose rules never parse a file themselves (`recommended` alone).
 */
let parser: typeof TypeScriptESLintParser | undefined;

/** A file the codemod cannot parse: skipped and reported, never written. */
export class UnparsableFileError extends Error {
  override readonly name = 'UnparsableFileError';
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
 */
export function parseSourceFile(text: string, filePath: string): SourceFile {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    parser ??= require('@typescript-eslint/parser') as typeof TypeScriptESLintParser;
    const { ast, scopeManager } = parser.parseForESLint(text, {
      filePath,
      ecmaFeatures: { jsx: parserFor(filePath) === 'tsx' },
      sourceType: /\.c[jt]s$/.test(filePath) ? 'script' : 'module',
      range: true,
      loc: true,
      tokens: true,
      comment: true,
    });
    return { text, ast, scopeManager };
  } catch (error) {
    const { lineNumber, column, message } = error as { lineNumber?: number; column?: number; message?: string };
    const where = lineNumber === undefined ? '' : ` (${lineNumber}:${(column ?? 0) + 1})`;
    throw new UnparsableFileError(`${filePath}${where}: ${message ?? String(error)}`, { cause: error });
  }
}
