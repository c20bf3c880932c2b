import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { ScopeType } from '@typescript-eslint/scope-manager';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable as findScopeVariable } from '@typescript-eslint/utils/ast-utils';
import { isFunctionNode, type FunctionNode } from './isFunctionNode';
import type { SourceFile } from './sourceFile';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/**
 * Per scope manager, the innermost scope of each node a look-up has passed: the nodes between a name and
 * its scope are walked once, not once per name, which in a chain of 1,500 `else if`s was once per
 * branch for each of them.
 */
const innermostScopes = new WeakMap<TSESLint.Scope.ScopeManager, WeakMap<TSESTree.Node, Scope>>();

/** The innermost scope containing `node` (what ESLint's `sourceCode.getScope` returns). */
function getInnermostScope(source: SourceFile, node: TSESTree.Node): Scope | null {
  const manager = source.scopeManager;
  if (!manager) return null;
  let known = innermostScopes.get(manager);
  if (!known) innermostScopes.set(manager, (known = new WeakMap()));
  const passed: TSESTree.Node[] = [];
  let found: Scope | null = manager.globalScope;
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const cached = known.get(current);
    if (cached) {
      found = cached;
      break;
    }
    passed.push(current);
    const scope = manager.acquire(current, true);
    if (scope) {
      // A function's own scope does not contain its name or the expressions in its parameters' defaults.
      found = scope.type === ScopeType.functionExpressionName ? (scope.childScopes[0] ?? scope) : scope;
      break;
    }
  }
  if (found) for (const each of passed) known.set(each, found);
  return found;
}

/** The variable an identifier refers to, or null for globals that were never declared. */
export function resolveIdentifier(source: SourceFile, identifier: TSESTree.Identifier): Variable | null {
  const scope = getInnermostScope(source, identifier);
  return scope ? findScopeVariable(scope, identifier) : null;
}

/**
 * The single expression a variable holds: its initialiser when it is never reassigned. Variables that
 * are written more than once have no single value, so the analysis treats them as unknown.
 */
export function getSingleAssignedValue(variable: Variable): TSESTree.Expression | undefined {
  const writes = variable.references.filter((reference) => reference.isWrite());
  const [def] = variable.defs;
  if (variable.defs.length !== 1 || !def || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (writes.length > 1) return undefined;
  return def.node.init ?? undefined;
}

/** The function a reference points to, when it is declared in this file (`function f`, `const f = () => …`). */
export function resolveLocalFunction(source: SourceFile, node: TSESTree.Node): FunctionNode | undefined {
  if (isFunctionNode(node)) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveIdentifier(source, node);
  const def = variable?.defs[0];
  if (!variable || !def) return undefined;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  const value = getSingleAssignedValue(variable);
  return value && isFunctionNode(value) ? value : undefined;
}
