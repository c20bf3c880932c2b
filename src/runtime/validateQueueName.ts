import { QueueDeclarationError } from './errors';

/**
 * pg-boss 12's rule (letters, digits, `_ . - /`), applied on every version: 10 and 11 accept almost
 * anything, and 11 inlines the name into SQL, where a quote breaks or injects.
 */
const QUEUE_NAME = /^[\w.\-/]+$/;

/**
 * No pg-boss version limits a queue name's length, but PostgreSQL's btree index on `queue.name` holds
 * at most 2704 bytes per entry (8 kB pages), after its own headers: a longer name that does not
 * compress fails with 54000 on `queue_pkey`. 2048 leaves room for those headers whatever the name.
 * The name rule allows ASCII only, so characters are bytes.
 */
export const MAX_QUEUE_NAME_LENGTH = 2048;

/**
 * pg-boss 11/12 cache queues in a plain object keyed by name, so `queues['constructor']` or
 * `queues['__proto__']` finds Object.prototype's own member instead of the queue, and send/work fail.
 */
const OBJECT_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function validateQueueName(name: unknown, role = 'queue name'): asserts name is string {
  if (typeof name !== 'string' || !QUEUE_NAME.test(name)) {
    throw new QueueDeclarationError(
      `Invalid ${role} ${JSON.stringify(name)}: use letters, digits, '_', '.', '-' and '/' only (pg-boss 12's rule).`,
    );
  }
  if (name.length > MAX_QUEUE_NAME_LENGTH) {
    throw new QueueDeclarationError(
      `Invalid ${role} of ${name.length} characters: at most ${MAX_QUEUE_NAME_LENGTH}, so PostgreSQL's index on queue names can hold it.`,
    );
  }
  if (OBJECT_MEMBERS.has(name)) {
    throw new QueueDeclarationError(
      `Invalid ${role} "${name}": pg-boss 11+ look queues up in a plain object, where "${name}" is a built-in member, not a queue.`,
    );
  }
}
