import { QueueDeclarationError } from './errors';

/**
 * pg-boss 12's rule (letters, digits, `_ . - /`), applied on every version: 10 and 11 accept almost
 * anything, and 11 inlines the name into SQL, where a quote breaks or injects.
 */
const QUEUE_NAME = /^[\w.\-/]+$/;

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
  if (OBJECT_MEMBERS.has(name)) {
    throw new QueueDeclarationError(
      `Invalid ${role} "${name}": pg-boss 11+ look queues up in a plain object, where "${name}" is a built-in member, not a queue.`,
    );
  }
}
