import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

/** The exported name an import specifier takes: `a` for `{ a as b }`, also when written as a string (`{ 'a' as b }`). */
export function getImportedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/**
 * The export an import binds: `a` for `{ a as b }`, `default` for a default import, none for `* as ns` and
 * `import ns = require(…)`.
 */
export function getImportedExport(specifier: TSESTree.Node): string | undefined {
  if (specifier.type === AST_NODE_TYPES.ImportSpecifier) return getImportedName(specifier);
  return specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : undefined;
}
