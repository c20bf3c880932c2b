/**
 * Places for `nodes` and every node they reach, each after the nodes it depends on as far as a cycle
 * allows (the finishing order of a depth-first walk): reading in this order, what a node depends on is
 * read before it, except along a cycle's way back. Walked without recursion: a chain may be as long as the
 * tree.
 */
export function dependenciesFirst(
  nodes: Iterable<string>,
  dependencies: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, number> {
  const places = new Map<string, number>();
  const entered = new Set<string>();
  for (const root of nodes) {
    if (entered.has(root)) continue;
    entered.add(root);
    const stack: Array<{ readonly node: string; readonly next: Iterator<string> }> = [
      { node: root, next: (dependencies.get(root) ?? []).values() },
    ];
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const step = top.next.next();
      if (step.done) {
        places.set(top.node, places.size);
        stack.pop();
      } else if (!entered.has(step.value)) {
        entered.add(step.value);
        stack.push({ node: step.value, next: (dependencies.get(step.value) ?? []).values() });
      }
    }
  }
  return places;
}
