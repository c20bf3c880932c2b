import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { SourceFile } from '../util/sourceFile';
import { moduleExportName } from './readModuleExport';

/**
 * Whether `source`'s export `name` may be another module's, passed on: a re-export of that name (`export { f
 * as name } from …`, or `export { f as name }` of an import), an `export * from …`, or exports made at run
 * time (CommonJS `exports`, `export =`). Not an export the module declares itself, whose value a module
 * that passes a function on reads as any other use of it, nor a name the module does not export.
 */
export function passesOnExport(source: SourceFile, name: string): boolean {
  if (/\bexports\b/.test(source.text)) return true;
  const moduleScope = source.scopeManager?.scopes.find((scope) => scope.type === 'module');
  for (const statement of source.ast.body) {
    if (statement.type === AST_NODE_TYPES.TSExportAssignment) return true;
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      if (!statement.exported || moduleExportName(statement.exported) === name) return true;
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    for (const specifier of statement.specifiers) {
      if (moduleExportName(specifier.exported) !== name) continue;
      if (statement.source) return true;
      const variable = moduleScope?.set.get(moduleExportName(specifier.local));
      return variable === undefined || variable.defs.some((def) => def.type === 'ImportBinding');
    }
  }
  return false;
}
