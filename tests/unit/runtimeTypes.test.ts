import { describe, expectTypeOf, it } from 'vitest';
import type { PgBoss as PgBoss12 } from 'pg-boss-12.38.0' with { 'resolution-mode': 'import' };
import type PgBoss10 from 'pg-boss-10.4.2';
import type PgBoss11 from 'pg-boss-11.1.2';
import type { Queue as Queue12 } from 'pg-boss-12.38.0' with { 'resolution-mode': 'import' };
import {
  classifyQueueError,
  resetQueues,
  safeCreateQueue,
  safeCreateQueues,
  verifyQueues,
  type QueueErrorClassification,
  type QueueOutcome,
} from '../../src/runtime';

// Checked by `tsc` in `npm run lint`: the helper must accept every supported version's own class type.
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

  // The codemod passes the options object of a createQueue call unchanged: each version's own option type must fit.
  it("accepts each version's own queue option types, including name", () => {
    expectTypeOf(safeCreateQueue).toBeCallableWith({} as PgBoss10, 'emails', {} as PgBoss10.Queue);
    expectTypeOf(safeCreateQueue).toBeCallableWith({} as PgBoss11, 'emails', {} as Omit<PgBoss11.Queue, 'name'>);
    expectTypeOf(safeCreateQueue).toBeCallableWith({} as PgBoss12, 'emails', {} as Omit<Queue12, 'name'>);
    expectTypeOf(safeCreateQueue).toBeCallableWith(
      {} as PgBoss12,
      'emails',
      { name: 'emails', retryLimit: 1 },
      {
        strict: true,
        timeoutMs: 10_000,
      },
    );
  });

  it('types resetQueues and classifyQueueError', () => {
    expectTypeOf(resetQueues).toBeCallableWith({} as PgBoss10, { emails: {} }, { allowProduction: true });
    expectTypeOf(resetQueues).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(classifyQueueError).returns.toEqualTypeOf<QueueErrorClassification>();
  });
});
