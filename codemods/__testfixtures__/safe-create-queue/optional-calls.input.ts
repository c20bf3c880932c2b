import type { PgBoss } from 'pg-boss';

export async function declare(boss: PgBoss | undefined) {
  await boss?.createQueue('emails');
  return boss?.createQueue('sms').then(() => 'ready');
}

// `createQueue?.()` runs nothing when the method is missing: the rewrite tests the method, not the receiver.
export async function declareIfSupported(boss: PgBoss, services: { boss?: PgBoss }) {
  await boss.createQueue?.('push');
  return services.boss?.createQueue?.('webhooks');
}

// Keeping the short-circuit would call connect() twice: left for a person.
export async function declareOnFreshConnection(connect: () => { boss?: PgBoss }) {
  await connect().boss?.createQueue('once');
}
