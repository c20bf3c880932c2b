import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type { SourceFile } from '../util/sourceFile';
import { moduleExportName } from './readModuleExport';

/**
 * Where `source`'s export `name` comes from, as far as its own statements tell:
 * - `own`: a function, class or variable the module declares (`export function name`, `export { local as
 *   name }` of one), whose value is that code's; a module that passes another's function on reads it as a
 *   value there, which makes it a use of that function;
 * - `elsewhere`: maybe another module's: a re-export (`export { f as name } from …`, `export { f as name }`
 *   of an import, `export *`), an ambient declaration (`export declare function name`, code kept elsewhere),
 *   a default export of an expression, or exports made at run time (CommonJS `exports`, `export =`);
 * - `absent`: the module exports no such name.
 */
export function exportOrigin(source: SourceFile, name: string): 'own' | 'elsewhere' | 'absent' {
  const moduleScope = source.scopeManager?.scopes.find((scope) => scope.type === 'module');
  let open = /\bexports\b/.test(source.text);
  for (const statement of source.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.TSExportAssignment:
        open = true;
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (!statement.exported) open = true;
        else if (moduleExportName(statement.exported) === name) return 'elsewhere';
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        if (name === 'default') return isDeclaredHere(statement.declaration) ? 'own' : 'elsewhere';
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        const origin = statement.declaration
          ? declarationOrigin(statement.declaration, name)
          : specifierOrigin(statement, name, moduleScope);
        if (origin) return origin;
        break;
      }
    }
  }
  return open ? 'elsewhere' : 'absent';
}

/** `export function name`, `export const name`, `export declare function name`: what the declaration exports as `name`. */
function declarationOrigin(
  declaration: TSESTree.NamedExportDeclarations,
  name: string,
): 'own' | 'elsewhere' | undefined {
  const ambient =
    declaration.type === AST_NODE_TYPES.TSDeclareFunction || ('declare' in declaration && declaration.declare);
  const names =
    declaration.type === AST_NODE_TYPES.VariableDeclaration
      ? declaration.declarations.flatMap(({ id }) => (id.type === AST_NODE_TYPES.Identifier ? [id.name] : []))
      : 'id' in declaration && declaration.id?.type === AST_NODE_TYPES.Identifier
        ? [declaration.id.name]
        : [];
  if (!names.includes(name)) return undefined;
  return ambient ? 'elsewhere' : 'own';
}

/** `export { local as name }` (from a module, or of a binding of this one): what it exports as `name`. */
function specifierOrigin(
  statement: TSESTree.ExportNamedDeclaration,
  name: string,
  moduleScope: TSESLint.Scope.Scope | undefined,
): 'own' | 'elsewhere' | undefined {
  for (const specifier of statement.specifiers) {
    if (moduleExportName(specifier.exported) !== name) continue;
    if (statement.source) return 'elsewhere';
    const variable = moduleScope?.set.get(moduleExportName(specifier.local));
    return variable && variable.defs.every((def) => def.type !== 'ImportBinding') ? 'own' : 'elsewhere';
  }
  return undefined;
}

/** `export default function f() {}` or `class`: code of the module's own. */
function isDeclaredHere(declaration: TSESTree.ExportDefaultDeclaration['declaration']): boolean {
  return (
    declaration.type === AST_NODE_TYPES.FunctionDeclaration ||
    (declaration.type === AST_NODE_TYPES.ClassDeclaration && !declaration.declare)
  );
}
