import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { DEFAULT_IMPORT_SOURCE } from '../runtimeModule';
import { getImportedName } from '../util/getImportedName';
import { getInteropRequire } from '../util/getInteropRequire';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { getStaticPropertyName, getStaticString } from '../util/getStaticPropertyName';
import { isRequireCall } from '../util/isRequireCall';
import { resolveIdentifier } from '../util/scope';
import type { SourceFile } from '../util/sourceFile';
import { moduleExportName } from './readModuleExport';
import type { ProjectModules } from './projectModules';
import { MAX_DEPTH, type EvaluationScope } from './staticValue';

/** The runtime's functions that declare queues, as it exports them. */
export type RuntimeHelperName = 'ensureQueue' | 'safeCreateQueue' | 'safeCreateQueues';

const HELPERS: ReadonlySet<string> = new Set<RuntimeHelperName>(['ensureQueue', 'safeCreateQueue', 'safeCreateQueues']);

/**
 * A called function that is one of the runtime's helpers (`certain`), or may be: one imported under a
 * helper's name from a module the scan cannot read (the codemod's `--import-source`, a package of the
 * app's), which may re-export it.
 */
export interface RuntimeHelper {
  readonly name: RuntimeHelperName;
  readonly certain: boolean;
}

/** A binding's origin: the module it comes from and the export it names (`*` for the module itself). */
interface Imported {
  readonly source: string;
  readonly name: string;
}

/**
 * The runtime helper a called function (see getCalledExpression) is, when the bindings show it: imported
 * (`import { ensureQueue as declare } from 'pg-boss-safe-create-queue'`; the codemod renames its import
 * when the file has a `safeCreateQueue` of its own), required or loaded (`const { ensureQueue } =
 * require(…)`, `await import(…)`, `import rt = require(…)`), read from the module (`rt.ensureQueue`, also
 * as compiled CommonJS writes it: `(0, rt_1.ensureQueue)`, `rt_1 = __importStar(require(…))`), or
 * re-exported through the project's own modules. The name alone is not enough for `ensureQueue`: apps
 * name their own wrappers `ensureQueue(name)`, and those are read through their callers.
 */
export function findRuntimeHelper(scope: EvaluationScope, target: TSESTree.Node): RuntimeHelper | undefined {
  if (target.type === AST_NODE_TYPES.Identifier) {
    const imported = importedBinding(scope.source, target);
    return imported && classifyExport(scope.modules, scope.file, imported, 0);
  }
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  const name = getStaticPropertyName(target);
  if (name === undefined || !HELPERS.has(name)) return undefined;
  const module = importedBinding(scope.source, target.object);
  // A CommonJS module's default import is its `module.exports`, as a namespace import is.
  if (module?.name !== '*' && module?.name !== 'default') return undefined;
  return classifyExport(scope.modules, scope.file, { source: module.source, name }, 0);
}

/** Where an identifier's value is imported or required from; undefined for anything else, a type-only import too. */
function importedBinding(source: SourceFile, identifier: TSESTree.Identifier, depth = 0): Imported | undefined {
  const def = depth > MAX_DEPTH ? undefined : resolveIdentifier(source, identifier)?.defs[0];
  if (def?.type === DefinitionType.ImportBinding) {
    const { node, parent } = def;
    // `import rt = require('pg-boss-safe-create-queue')`
    if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = node.moduleReference;
      return node.importKind !== 'type' && reference.type === AST_NODE_TYPES.TSExternalModuleReference
        ? { source: reference.expression.value, name: '*' }
        : undefined;
    }
    if (parent.type !== AST_NODE_TYPES.ImportDeclaration || parent.importKind === 'type') return undefined;
    const from = parent.source.value;
    switch (node.type) {
      case AST_NODE_TYPES.ImportSpecifier:
        return node.importKind === 'type' ? undefined : { source: from, name: getImportedName(node) };
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
        return { source: from, name: '*' };
      case AST_NODE_TYPES.ImportDefaultSpecifier:
        return { source: from, name: 'default' };
      default:
        return undefined;
    }
  }
  if (def?.type !== DefinitionType.Variable) return undefined;
  const { id, init } = def.node;
  if (!init) return undefined;
  // `const ensureQueue = require(…).ensureQueue`
  if (init.type === AST_NODE_TYPES.MemberExpression) {
    const from = loadedModule(source, init.object, depth);
    const name = getStaticPropertyName(init);
    return from === undefined || name === undefined || id.type !== AST_NODE_TYPES.Identifier
      ? undefined
      : { source: from, name };
  }
  const from = loadedModule(source, init, depth);
  if (from === undefined) return undefined;
  if (id.type === AST_NODE_TYPES.Identifier) return { source: from, name: '*' };
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.value !== def.name) continue;
    const name = getPropertyKeyName(property);
    return name === undefined ? undefined : { source: from, name };
  }
  return undefined;
}

/**
 * The module that `require('x')`, `await import('x')`, a compiler's interop helper around `require('x')`
 * (`__importStar(require('x'))`, as compiled CommonJS writes `import * as rt`), or a name bound to the
 * whole module (`const { ensureQueue } = rt`) stands for.
 */
function loadedModule(source: SourceFile, node: TSESTree.Node, depth: number): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const module = importedBinding(source, node, depth + 1);
    return module?.name === '*' || module?.name === 'default' ? module.source : undefined;
  }
  const loaded = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
  if (loaded.type === AST_NODE_TYPES.ImportExpression) return getStaticString(loaded.source);
  const call = getInteropRequire(loaded) ?? loaded;
  return isRequireCall(call) ? getStaticString(call.arguments[0]!) : undefined;
}

/**
 * The helper `imported`, as `file` names it, is: the runtime's own export, or a project module's re-export
 * of it (`export { ensureQueue } from …`, `export * from …`, or an import it exports again), followed from
 * module to module when the caller imports it under a helper's name. A helper's name exported by a module
 * the scan does not read may be it.
 */
function classifyExport(
  modules: ProjectModules,
  file: string,
  imported: Imported,
  depth: number,
): RuntimeHelper | undefined {
  const helper = HELPERS.has(imported.name) ? (imported.name as RuntimeHelperName) : undefined;
  if (imported.source === DEFAULT_IMPORT_SOURCE) return helper && { name: helper, certain: true };
  // Every call of a function the project imports comes here: only a helper's name is worth parsing its module.
  if (depth === 0 && !helper) return undefined;
  const target = depth < MAX_DEPTH ? modules.resolve(file, imported.source) : undefined;
  const source = target === undefined ? null : modules.source(target);
  if (!target || !source) return helper && { name: helper, certain: false };
  const follow = (next: Imported | undefined) => next && classifyExport(modules, target, next, depth + 1);
  for (const statement of source.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      const found = statement.exported ? undefined : follow({ source: statement.source.value, name: imported.name });
      if (found) return found;
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.exportKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      if (moduleExportName(specifier.exported) !== imported.name || specifier.exportKind === 'type') continue;
      if (statement.source) return follow({ source: statement.source.value, name: moduleExportName(specifier.local) });
      return specifier.local.type === AST_NODE_TYPES.Identifier
        ? follow(importedBinding(source, specifier.local))
        : undefined;
    }
  }
  return undefined;
}
