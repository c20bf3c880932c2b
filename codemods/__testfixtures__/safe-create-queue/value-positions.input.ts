// Where the call's value is read, the rewrite keeps its Promise<void> type (issue 10, item 2).
import { PgBoss } from 'pg-boss';

const boss = new PgBoss(process.env.DATABASE_URL!);
const pending = new Map<string, Promise<void>>();

export function declareOnce(name: string): Promise<void> {
  const declared = pending.get(name) ?? boss.createQueue(name);
  pending.set(name, declared);
  return declared;
}

export const steps: Array<() => Promise<void>> = [
  () => boss.createQueue('thumbnails'),
  () => boss.createQueue('previews').then(() => boss.createQueue('previews_dlq')),
];

export async function boot(names: string[]) {
  await boss.createQueue('boot');
  void boss.createQueue('background');
  names.forEach((name) => boss.createQueue(name));
  names.length > 0 && (await boss.createQueue('audit'));
}
