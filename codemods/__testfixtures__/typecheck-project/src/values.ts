// Every place where the value of createQueue is read, from issue 10 ("the rewrite changes the
// expression's type"): each must keep its Promise<void> type after the rewrite.
import { PgBoss } from 'pg-boss';

const pending = new Map<string, Promise<void>>();

/** Declares each queue once per process: the promise is remembered, so it must stay a Promise<void>. */
export function declareOnce(boss: PgBoss, name: string): Promise<void> {
  let declared = pending.get(name);
  if (!declared) {
    declared = boss.createQueue(name);
    pending.set(name, declared);
  }
  return declared;
}

export function remember(boss: PgBoss, name: string): void {
  pending.set(name, boss.createQueue(name, { retryLimit: 2 }));
}

export function declareDigest(boss: PgBoss): Promise<void> {
  return boss.createQueue('digest');
}

export function declareAfterDeadLetter(boss: PgBoss): Promise<void> {
  return boss.createQueue('bounces_dlq').then(() => boss.createQueue('bounces', { deadLetter: 'bounces_dlq' }));
}

/** Boot steps run in order by a small runner. */
export const bootSteps: Array<(boss: PgBoss) => Promise<void>> = [
  (boss) => boss.createQueue('thumbnails'),
  async (boss) => {
    await boss.createQueue('previews');
  },
];

export function declareAll(boss: PgBoss, names: readonly string[]): Promise<void[]> {
  return Promise.all(names.map((name) => boss.createQueue(name)));
}

function track(step: Promise<void>): Promise<void> {
  return step.finally(() => pending.clear());
}

export async function declareTracked(boss: PgBoss): Promise<void> {
  await track(boss.createQueue('audit'));
  const result: ReturnType<PgBoss['createQueue']> = boss.createQueue('metrics');
  await result;
  const stored = { ready: boss.createQueue('webhooks') };
  await stored.ready;
}

export function declareInBackground(boss: PgBoss, names: readonly string[]): void {
  void boss.createQueue('background');
  names.forEach((name) => boss.createQueue(name));
}

export async function declareCast(boss: PgBoss): Promise<void> {
  // A cast reads the type: `Promise<QueueOutcome> as Promise<void>` would not compile.
  await (boss.createQueue('casts') as Promise<void>);
  boss.createQueue('satisfied') satisfies Promise<void>;
}
