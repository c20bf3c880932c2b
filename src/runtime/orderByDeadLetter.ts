import { QueueDeclarationError } from './errors';
import type { QueueDeclaration } from './normalizeQueueOptions';

/**
 * Declared queues ordered so that every dead-letter queue comes before the queues that name it: each
 * pg-boss version refuses a dead letter that does not exist yet. A cycle can never be created and is
 * rejected; a queue naming itself is left to pg-boss (10.x allows it, 11+ refuse it).
 */
export function orderByDeadLetter(queues: ReadonlyMap<string, QueueDeclaration>): string[] {
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      throw new QueueDeclarationError(`Dead-letter cycle: ${cycle.join(' → ')}. No order of creation can satisfy it.`);
    }
    state.set(name, 'visiting');
    const target = queues.get(name)?.desired.deadLetter;
    if (typeof target === 'string' && target !== name && queues.has(target)) visit(target, [...path, name]);
    state.set(name, 'done');
    ordered.push(name);
  };
  for (const name of queues.keys()) visit(name, []);
  return ordered;
}

/** Dead-letter queues named by declarations but not declared themselves: they must already exist. */
export function undeclaredDeadLetters(queues: ReadonlyMap<string, QueueDeclaration>): Map<string, string> {
  const references = new Map<string, string>();
  for (const [name, declaration] of queues) {
    const target = declaration.desired.deadLetter;
    if (typeof target === 'string' && !queues.has(target)) references.set(target, name);
  }
  return references;
}
