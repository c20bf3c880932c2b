import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { isFunctionNode } from '../util/isFunctionNode';
import { resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';

/**
 * Whether the object a helper's name is called on (`rt.ensureQueue(boss, 'emails')`) may be the runtime
 * module, or an object holding its helpers, that the scan cannot follow: a parameter (`function boot(rt)`),
 * an injected dependency (`deps.ensureQueue`), a call's result. Not when the file shows it is the app's
 * own: `this`, a class or function of its own, an instance it makes (`new Queues()`), or an object literal
 * whose `ensureQueue` is a function written there; those methods are read through their callers.
 */
export function mayHoldRuntime(source: SourceFile, object: TSESTree.Node, method: string): boolean {
  const node = skipTransparentWrappers(object);
  if (node.type === AST_NODE_TYPES.ThisExpression || node.type === AST_NODE_TYPES.Super) return false;
  if (node.type !== AST_NODE_TYPES.Identifier) return true;
  const def = resolveIdentifier(source, node)?.defs[0];
  if (def?.type === DefinitionType.ClassName || def?.type === DefinitionType.FunctionName) return false;
  if (def?.type !== DefinitionType.Variable || !def.node.init) return true;
  const init = skipTransparentWrappers(def.node.init);
  switch (init.type) {
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ClassExpression:
      return false;
    case AST_NODE_TYPES.ObjectExpression:
      return !init.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          getPropertyKeyName(property) === method &&
          isFunctionNode(skipTransparentWrappers(property.value)),
      );
    default:
      return true;
  }
}
