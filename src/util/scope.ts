import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { ScopeType } from '@typescript-eslint/scope-manager';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable as findScopeVariable } from '@typescript-eslint/utils/ast-utils';
import { isFunctionNode, type FunctionNode } from './isFunctionNode';
import type { SourceFile } from './sourceFile';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/**
 * Per scope manager, the innermost scope of the nodes a long look-up has passed: the nodes between a name
 * and its scope are then walked once, not once per name, which in a chain of 1,500 `else if`s was once
 * per branch for each of them. Only walks longer than REMEMBERED_WALK are kept: most names sit a few
 * nodes below their scope, and keeping every walk made a scan of the bench corpus take 1.07x the CPU.
 */
const innermostScopes = new WeakMap<TSESLint.Scope.ScopeManager, WeakMap<TSESTree.Node, Scope>>();
const REMEMBERED_WALK = 32;

/** The innermost scope containing `node` (what ESLint's `sourceCode.getScope` returns). */
function getInnermostScope(source: SourceFile, node: TSESTree.Node): Scope | null {
  const manager = source.scopeManager;
  if (!manager) return null;
  const known = innermostScopes.get(manager);
  let found: Scope | null = manager.globalScope;
  let walked = 0;
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const cached = known?.get(current);
    if (cached) {
      found = cached;
      break;
    }
    walked++;
    const scope = manager.acquire(current, true);
    if (scope) {
      // A function's own scope does not contain its name or the expressions in its parameters' defaults.
      found = scope.type === ScopeType.functionExpressionName ? (scope.childScopes[0] ?? scope) : scope;
      break;
    }
  }
  if (found && walked > REMEMBERED_WALK) {
    let remembered = known;
    if (!remembered) innermostScopes.set(manager, (remembered = new WeakMap()));
    for (let current: TSESTree.Node | undefined = node; walked > 0; current = current!.parent, walked--)
      remembered.set(current!, found);
  }
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
