import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../src/files/parseSourceFile';
import { iterationBindings } from '../../src/inventory/iterationBindings';
import { ProjectModules } from '../../src/inventory/projectModules';
import { NO_BINDINGS } from '../../src/inventory/staticValue';
import { walkNodes } from '../../src/util/walkNodes';
import { branchingRoute } from '../support/branchingRoute';

/** The passes of every pg-boss call of a route, and how many steps up the tree finding its loops took. */
function passesOfEveryCall(text: string) {
  const source = parseSourceFile(text, 'route.ts');
  const calls: TSESTree.CallExpression[] = [];
  let steps = 0;
  walkNodes(source.ast, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression)
      calls.push(node);
    // Each read of a node's parent is a step up: counted through an accessor over the parent walkNodes set.
    let parent = node.parent;
    Object.defineProperty(node, 'parent', {
      get: () => {
        steps++;
        return parent;
      },
      set: (value: TSESTree.Node) => (parent = value),
    });
  });
  const scope = { modules: new ProjectModules([]), file: 'route.ts', source, bindings: NO_BINDINGS };
  steps = 0;
  const passes = calls.map((call) => iterationBindings(scope, call).map((bindings) => [...bindings.values()]));
  return { passes, steps };
}

describe('iterationBindings', () => {
  it('binds the element of each pass of a loop over constants', () => {
    const { passes } = passesOfEveryCall(
      "declare const boss: { createQueue(name: string): void };\nfor (const name of ['a', 'b']) boss.createQueue(name);\n",
    );
    expect(passes).toEqual([[['a'], ['b']]]);
  });

  // Each call of an else-if chain sits one level deeper than the last: walked up to the root anew for each,
  // the steps grew with the square of the chain. Counted, not timed: four times the calls, the steps per
  // call would be four times as many; they must stay level.
  it('steps up a bounded number of nodes per call, whatever the length of the chain', () => {
    const perCall = (branches: number) => passesOfEveryCall(branchingRoute(branches, 'else-if')).steps / branches;
    expect(perCall(400)).toBeLessThan(1.25 * perCall(100));
  });
});
