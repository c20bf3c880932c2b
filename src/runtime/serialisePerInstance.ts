import type { Deadline } from './deadline';

const tails = new WeakMap<object, Promise<void>>();

/**
 * Runs `task` after every task queued before it for the same instance has settled, one at a time,
 * before `task` takes any connection. Waiting counts against the call's deadline; a caller that times
 * out while waiting never runs its task and does not delay the ones queued after it.
 */
export async function serialisePerInstance<T>(
  instance: object,
  deadline: Deadline,
  task: () => Promise<T>,
): Promise<T> {
  const previous = tails.get(instance) ?? Promise.resolve();
  let release!: () => void;
  const turn = new Promise<void>((resolve) => (release = resolve));
  tails.set(
    instance,
    previous.then(() => turn),
  );
  try {
    await deadline.wait('earlier createQueue calls on the same pg-boss instance', previous);
    return await task();
  } finally {
    release();
  }
}
