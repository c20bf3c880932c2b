import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * The parts of a parsed file the analysis reads. ESLint's `context.sourceCode` satisfies it, and the
 * codemod builds one from `@typescript-eslint/parser`, so both ask the same questions of the same shapes.
 */
export interface SourceFile {
  readonly text: string;
  /** Its nodes may have no `loc` (the scan's parse sets none): a position is read from a range, by positionAt (./positions). */
  readonly ast: TSESTree.Program;
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
}
