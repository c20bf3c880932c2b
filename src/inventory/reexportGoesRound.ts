import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { ProjectModules } from './projectModules';
import { isModuleExports, moduleExportName } from './readModuleExport';

/** One module's export, by the name it exports it under. */
interface Export {
  readonly file: string;
  readonly name: string;
}

/** What following one export finds: a module that may hold it, a cycle and no such module, or neither. */
type Reach = 'held' | 'round' | 'missing';

/**
 * What the walks of one scan learnt of each export they passed (keyed `file\0name`): a tree that imports
 * a name through barrels that re-export one another at many places walks the barrels once, not once per
 * call.
 */
export type ReexportWalks = Map<string, Reach>;

/**
 * Whether the export `name` of the module `file` only goes round a cycle of re-exports (`export { x } from
 * './b'` in a, `export { x } from './a'` in b, or `export *` both ways) without reaching a module that holds
 * it: where the name comes from is then not known. False when some path reaches a module that declares
 * it, a module outside the tree (which may hold anything), or a CommonJS module; and false when the name is
 * simply missing, with no cycle on the way. Walked without recursion: a chain of re-exports may be as long
 * as the tree.
 */
export function reexportGoesRound(modules: ProjectModules, file: string, name: string, walks: ReexportWalks): boolean {
  const start = exportKey({ file, name });
  if (walks.has(start)) return walks.get(start) === 'round';
  const onPath = new Set<string>();
  /**
   * The exports this walk has left, with whether a cycle lies beyond each. Kept for later walks only when
   * this one reaches no module that holds the name: one left earlier may reach it through a module still
   * on the path, where the walk stopped.
   */
  const left = new Map<string, Reach>();
  const stack: Array<{ readonly key: string; readonly next: Iterator<Export>; round: boolean }> = [];
  /** Steps into an export; true when it reaches a module that may hold it. */
  const enter = (exported: Export): boolean => {
    const key = exportKey(exported);
    const known = onPath.has(key) ? 'round' : (left.get(key) ?? walks.get(key));
    if (known !== undefined) {
      if (known === 'round') stack.at(-1)!.round = true;
      return known === 'held';
    }
    const from = takenFrom(modules, exported);
    if (from === HELD) return true;
    onPath.add(key);
    stack.push({ key, next: from[Symbol.iterator](), round: false });
    return false;
  };
  if (enter({ file, name })) {
    walks.set(start, 'held');
    return false;
  }
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const step = top.next.next();
    if (step.done) {
      stack.pop();
      onPath.delete(top.key);
      left.set(top.key, top.round ? 'round' : 'missing');
      if (top.round && stack.length > 0) stack.at(-1)!.round = true;
    } else if (enter(step.value)) {
      for (const { key } of stack) walks.set(key, 'held');
      return false;
    }
  }
  for (const [key, reach] of left) walks.set(key, reach);
  return walks.get(start) === 'round';
}

function exportKey({ file, name }: Export): string {
  return `${file}\0${name}`;
}

const HELD = Symbol('held');

/**
 * Where a module takes its export from: the one export of another module a named re-export names (it hides
 * every `export *`), those of the modules it re-exports whole (none for `default`), or HELD when the module
 * may hold it itself.
 */
function takenFrom(modules: ProjectModules, { file, name }: Export): readonly Export[] | typeof HELD {
  const source = modules.source(file);
  if (!source) return HELD;
  const starred: Export[] = [];
  for (const statement of source.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.exportKind === 'type') break;
        for (const specifier of statement.specifiers) {
          if (specifier.exportKind === 'type' || moduleExportName(specifier.exported) !== name) continue;
          const target = statement.source && modules.resolve(file, statement.source.value);
          return target ? [{ file: target, name: moduleExportName(specifier.local) }] : HELD;
        }
        if (
          statement.declaration &&
          source.scopeManager?.getDeclaredVariables(statement.declaration).some((variable) => variable.name === name)
        )
          return HELD;
        break;
      case AST_NODE_TYPES.ExportAllDeclaration: {
        if (statement.exportKind === 'type') break;
        if (statement.exported) {
          if (moduleExportName(statement.exported) === name) return HELD;
          break;
        }
        if (name === 'default') break;
        const target = modules.resolve(file, statement.source.value);
        if (!target) return HELD;
        starred.push({ file: target, name });
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        if (name === 'default') return HELD;
        break;
      case AST_NODE_TYPES.TSExportAssignment:
        return HELD;
      case AST_NODE_TYPES.ExpressionStatement:
        if (writesCommonJsExports(statement.expression)) return HELD;
        break;
      default:
        break;
    }
  }
  return starred;
}

/** `module.exports = …`, `exports.name = …`, `module.exports.name = …`: a CommonJS module, which may hold anything. */
function writesCommonJsExports(expression: TSESTree.Expression): boolean {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  const { left } = expression;
  return (
    isModuleExports(left) ||
    (left.type === AST_NODE_TYPES.MemberExpression &&
      (isModuleExports(left.object) ||
        (left.object.type === AST_NODE_TYPES.Identifier && left.object.name === 'exports')))
  );
}
