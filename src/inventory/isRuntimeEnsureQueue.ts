import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { DEFAULT_IMPORT_SOURCE } from '../runtimeModule';
import { getImportedName } from '../util/getImportedName';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { isRequireCall } from '../util/isRequireCall';
import { resolveIdentifier } from '../util/scope';
import type { SourceFile } from '../util/sourceFile';

const ENSURE_QUEUE = 'ensureQueue';

/**
 * Whether a callee is the runtime's `ensureQueue`, which the codemod writes where a call's value is used:
 * imported (`import { ensureQueue } from 'pg-boss-safe-create-queue'`, renamed or not) or required
 * (`const { ensureQueue } = require(…)`). Unlike `safeCreateQueue`, the name alone is not enough: apps
 * name their own wrappers `ensureQueue(name)`, and those are read through their callers instead.
 */
export function isRuntimeEnsureQueue(source: SourceFile, callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const def = resolveIdentifier(source, callee)?.defs[0];
  if (def?.type === DefinitionType.ImportBinding) {
    const { node, parent } = def;
    return (
      parent.type === AST_NODE_TYPES.ImportDeclaration &&
      parent.source.value === DEFAULT_IMPORT_SOURCE &&
      node.type === AST_NODE_TYPES.ImportSpecifier &&
      getImportedName(node) === ENSURE_QUEUE
    );
  }
  if (def?.type !== DefinitionType.Variable) return false;
  const { id, init } = def.node;
  if (!init || !isRequireCall(init, DEFAULT_IMPORT_SOURCE) || id.type !== AST_NODE_TYPES.ObjectPattern) return false;
  return id.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      property.value === def.name &&
      getPropertyKeyName(property) === ENSURE_QUEUE,
  );
}
