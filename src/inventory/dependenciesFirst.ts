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

/**
 * Nodes waiting to be visited (again), taken lowest place first; a node with no place yet (first met
 * after the places were taken) goes after every placed one, in arrival order. Each node waits once.
 * A binary heap: taking the next costs the logarithm of those waiting, so a change that travels a long
 * chain one node at a time costs what it visits, not a walk of the whole graph per step.
 */
export class InPlaceOrder {
  private readonly heap: string[] = [];
  private readonly waiting = new Set<string>();

  constructor(private readonly places: Map<string, number>) {}

  add(node: string): void {
    if (this.waiting.has(node)) return;
    this.waiting.add(node);
    if (!this.places.has(node)) this.places.set(node, this.places.size);
    const { heap } = this;
    heap.push(node);
    for (let at = heap.length - 1; at > 0;) {
      const parent = (at - 1) >> 1;
      if (this.placeOf(heap[parent]!) <= this.placeOf(node)) break;
      heap[at] = heap[parent]!;
      heap[parent] = node;
      at = parent;
    }
  }

  take(): string | undefined {
    const { heap } = this;
    const first = heap[0];
    if (first === undefined) return undefined;
    this.waiting.delete(first);
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let at = 0; ;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let least = at;
        if (left < heap.length && this.placeOf(heap[left]!) < this.placeOf(heap[least]!)) least = left;
        if (right < heap.length && this.placeOf(heap[right]!) < this.placeOf(heap[least]!)) least = right;
        if (least === at) break;
        [heap[at], heap[least]] = [heap[least]!, heap[at]!];
        at = least;
      }
    }
    return first;
  }

  private placeOf(node: string): number {
    return this.places.get(node)!;
  }
}
