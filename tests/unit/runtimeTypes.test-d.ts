import { describe, expectTypeOf, it } from 'vitest';
import type { PgBoss as PgBoss12 } from 'pg-boss-12.38.0' with { 'resolution-mode': 'import' };
import type PgBoss10 from 'pg-boss-10.4.2';
import type PgBoss11 from 'pg-boss-11.1.2';
import { safeCreateQueue, safeCreateQueues, verifyQueues, type QueueOutcome } from '../../src/runtime';

// Checked by vitest's typecheck mode: the helper must accept every supported version's own class type.
describe('runtime types', () => {
  it('accepts pg-boss 10, 11 and 12 instances as declared by their own type definitions', () => {
    expectTypeOf(safeCreateQueue).toBeCallableWith({} as PgBoss10, 'emails', { retryLimit: 2 });
    expectTypeOf(safeCreateQueue).toBeCallableWith({} as PgBoss11, 'emails');
    expectTypeOf(safeCreateQueue).toBeCallableWith(
      {} as PgBoss12,
      'emails',
      { policy: 'singleton' },
      { onDrift: 'error' },
    );
    expectTypeOf(safeCreateQueues).toBeCallableWith({} as PgBoss12, { emails: { deadLetter: 'dlq' }, dlq: {} });
    expectTypeOf(verifyQueues).toBeCallableWith({} as PgBoss10, [{ name: 'emails' }]);
    expectTypeOf(safeCreateQueue).returns.resolves.toEqualTypeOf<QueueOutcome>();
  });
});
