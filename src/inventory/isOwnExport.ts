import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type { SourceFile } from '../util/sourceFile';
import { moduleExportName } from './readModuleExport';

/**
 * Whether `source`'s export `name` is code the module declares itself: `export function name`, `export const
 * name = …`, `export { local as name }` of a binding it declares, `export default function`. A module that
 * passes another's function on this way reads it as a value, which counts as a use of that function there.
 * Not a re-export (`export { f as name } from …`, `export { f as name }` of an import, `export *`), an ambient
 * declaration (`export declare function name`, whose code is elsewhere), a default export of an expression,
 * nor a name the module does not export (a test's mock may put another there).
 */
export function isOwnExport(source: SourceFile, name: string): boolean {
  const moduleScope = source.scopeManager?.scopes.find((scope) => scope.type === 'module');
  for (const statement of source.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && name === 'default')
      return isDeclaredHere(statement.declaration);
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const own = statement.declaration
      ? declaresOwn(statement.declaration, name)
      : specifiesOwn(statement, name, moduleScope);
    if (own !== undefined) return own;
  }
  return false;
}

/** Whether `export function name`, `export const name`, … declares `name` as code of its own (not `declare`); undefined for another name. */
function declaresOwn(declaration: TSESTree.NamedExportDeclarations, name: string): boolean | undefined {
  const names =
    declaration.type === AST_NODE_TYPES.VariableDeclaration
      ? declaration.declarations.flatMap(({ id }) => (id.type === AST_NODE_TYPES.Identifier ? [id.name] : []))
      : 'id' in declaration && declaration.id?.type === AST_NODE_TYPES.Identifier
        ? [declaration.id.name]
        : [];
  if (!names.includes(name)) return undefined;
  return declaration.type !== AST_NODE_TYPES.TSDeclareFunction && !('declare' in declaration && declaration.declare);
}

/** Whether `export { local as name }` exports a binding the module declares; undefined when it does not export `name`. */
function specifiesOwn(
  statement: TSESTree.ExportNamedDeclaration,
  name: string,
  moduleScope: TSESLint.Scope.Scope | undefined,
): boolean | undefined {
  for (const specifier of statement.specifiers) {
    if (moduleExportName(specifier.exported) !== name) continue;
    if (statement.source) return false;
    const variable = moduleScope?.set.get(moduleExportName(specifier.local));
    return variable !== undefined && variable.defs.every((def) => def.type !== 'ImportBinding');
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
