import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { getImportedName } from '../util/getImportedName';
import { getInteropRequire } from '../util/getInteropRequire';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { getStaticPropertyName, getStaticString } from '../util/getStaticPropertyName';
import { isRequireCall } from '../util/isRequireCall';
import { resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';
import { MAX_DEPTH } from './staticValue';

/** A binding's origin: the module it comes from and the export it names (`*` for the module itself). */
export interface Imported {
  readonly source: string;
  readonly name: string;
}

/**
 * Where an identifier's value is imported or required from: `import { a as b }`, `import * as ns`, a
 * default import, `import rt = require(…)`, `const { a } = require(…)`, `const a = require(…).a`,
 * `await import(…)`, a name bound to the whole module (`const { a } = ns`, `const a = ns.a`), or another
 * name of one of these (`const declare = a`). Undefined for anything else, a type-only import too.
 */
export function importedBinding(source: SourceFile, identifier: TSESTree.Identifier, depth = 0): Imported | undefined {
  const variable = depth > MAX_DEPTH ? undefined : resolveIdentifier(source, identifier);
  const def = variable?.defs[0];
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
  if (!init || isReassigned(variable!)) return undefined;
  const value = skipTransparentWrappers(init);
  // `const declare = ensureQueue`
  if (value.type === AST_NODE_TYPES.Identifier && id.type === AST_NODE_TYPES.Identifier)
    return importedBinding(source, value, depth + 1);
  // `const ensureQueue = require(…).ensureQueue`
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const from = loadedModule(source, value.object, depth);
    const name = getStaticPropertyName(value);
    return from === undefined || name === undefined || id.type !== AST_NODE_TYPES.Identifier
      ? undefined
      : { source: from, name };
  }
  const from = loadedModule(source, value, depth);
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

/** Whether a variable is assigned after its declaration: a `let` that holds another function by the time it is called. */
export function isReassigned(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.filter((reference) => reference.isWrite()).length > 1;
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
