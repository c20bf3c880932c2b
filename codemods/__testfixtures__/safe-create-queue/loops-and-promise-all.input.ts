import PgBoss from 'pg-boss';

const QUEUES = ['emails', 'sms', 'push'] as const;

export async function declareAll(boss: PgBoss) {
  await Promise.all(QUEUES.map((name) => boss.createQueue(name)));

  for (const name of QUEUES) {
    await boss.createQueue(`${name}_dlq`);
  }
}
