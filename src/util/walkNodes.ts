import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/**
 * Visits `root` and every node below it, depth first in source order, setting `parent` on the way
 * (ESLint sets it before rules run; a bare parser does not).
 */
export function walkNodes(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    // Children go on the stack last first, so the first comes off first; pushed straight from the node's
    // fields, as a walk of every parsed file allocated an array per node otherwise.
    const fields = node as unknown as Record<string, unknown>;
    const keys = visitorKeys[node.type] ?? [];
    for (let key = keys.length - 1; key >= 0; key--) {
      const value = fields[keys[key]!];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--) push(stack, value[index], node);
      } else push(stack, value, node);
    }
  }
}

function push(stack: TSESTree.Node[], child: unknown, parent: TSESTree.Node): void {
  if (child && typeof child === 'object' && 'type' in child) {
    const node = child as TSESTree.Node;
    node.parent = parent;
    stack.push(node);
  }
}
