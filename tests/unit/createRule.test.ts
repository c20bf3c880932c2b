import { describe, expect, it } from 'vitest';
import plugin from '../../src/index';

/** A file's context that records which of its properties are read. */
function recordingContext() {
  const read: PropertyKey[] = [];
  const context = new Proxy(
    {},
    {
      get(_target, property) {
        read.push(property);
        return undefined;
      },
    },
  );
  return { context, read };
}

// ESLint times every rule's `create` for every file, most of which give a rule nothing to report; reading
// the file's context there cost no-bare-create-queue more than the selector rule's whole `create`.
describe('createRule', () => {
  it.each(Object.entries(plugin.rules))("%s's create reads nothing of the file's context", (_id, rule) => {
    const { context, read } = recordingContext();
    const listeners = rule.create(context as never);
    expect(read).toEqual([]);
    expect(Object.keys(listeners).length).toBeGreaterThan(0);
  });
});
