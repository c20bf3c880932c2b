import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../src/files/parseSourceFile';
import { resolveIdentifier } from '../../src/util/scope';
import type { SourceFile } from '../../src/util/sourceFile';
import { walkNodes } from '../../src/util/walkNodes';
import { branchingRoute } from '../support/branchingRoute';

/** Resolves every `key` of an else-if chain of `branches`, counting how often the scope manager is asked for a node's scope. */
function resolveEveryKey(branches: number) {
  const parsed = parseSourceFile(branchingRoute(branches, 'else-if'), 'route.ts');
  const manager = parsed.scopeManager!;
  let acquired = 0;
  // The real manager under a counter: acquire is the step of the walk from a name up to its scope.
  const counting = Object.create(manager) as typeof manager;
  counting.acquire = (...args) => {
    acquired++;
    return manager.acquire(...args);
  };
  const source: SourceFile = { ...parsed, scopeManager: counting };
  const keys: TSESTree.Identifier[] = [];
  walkNodes(source.ast, (node) => {
    if (
      node.type === AST_NODE_TYPES.Identifier &&
      node.name === 'key' &&
      node.parent.type !== AST_NODE_TYPES.FunctionDeclaration
    )
      keys.push(node);
  });
  const variables = new Set(keys.map((key) => resolveIdentifier(source, key)));
  return { keys: keys.length, variables: [...variables].map((variable) => variable?.defs[0]?.type), acquired };
}

describe('resolveIdentifier', () => {
  it('resolves each use of a parameter to it', () => {
    expect(resolveEveryKey(10)).toMatchObject({ keys: 10, variables: ['Parameter'] });
  });

  // Each `key` of an else-if chain sits one level deeper than the last, with no scope between it and the
  // function's: walked up anew for each name, the walks grew with the square of the chain. Counted, not
  // timed: four times the names, the work per name would be four times as much; it must stay level.
  it('walks a bounded number of nodes per name, whatever the length of the chain', () => {
    const [short, long] = [100, 400].map((branches) => resolveEveryKey(branches).acquired / branches);
    expect(long).toBeLessThan(1.25 * short!);
  });
});
