import { QueueDeclarationError } from './errors';

/**
 * pg-boss 12's rule (letters, digits, `_ . - /`), applied on every version: 10 and 11 accept almost
 * anything, and 11 inlines the name into SQL, where a quote breaks or injects.
 */
const QUEUE_NAME = /^[\w.\-/]+$/;

export function validateQueueName(name: unknown, role = 'queue name'): asserts name is string {
  if (typeof name !== 'string' || !QUEUE_NAME.test(name)) {
    throw new QueueDeclarationError(
      `Invalid ${role} ${JSON.stringify(name)}: use letters, digits, '_', '.', '-' and '/' only (pg-boss 12's rule).`,
    );
  }
}
