import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isRequireCall } from '../util/isRequireCall';

/** Syntax that rules out `require` for the helper; TypeScript's `import x = require()` compiles imports either way. */
const IMPORT_SYNTAX = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.TSImportEqualsDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.ExportDefaultDeclaration,
  AST_NODE_TYPES.ExportNamedDeclaration,
]);

/**
 * Whether the helper must be loaded with `require`: the parser says so (`.cjs`, `sourceType: commonjs`),
 * or the file has no import/export and loads its dependencies with top-level `require` calls.
 */
export function isCommonJsFile(program: TSESTree.Program): boolean {
  if (program.body.some((statement) => IMPORT_SYNTAX.has(statement.type))) return false;
  if ((program.sourceType as string) !== 'module') return true;
  return program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.some((declarator) => declarator.init != null && isRequireCall(declarator.init)),
  );
}
