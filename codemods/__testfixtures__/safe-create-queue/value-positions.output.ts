// Where the call's value is read, the rewrite keeps its Promise<void> type (issue 10, item 2).
import { PgBoss } from 'pg-boss';
import { ensureQueue, safeCreateQueue } from 'pg-boss-safe-create-queue';

const boss = new PgBoss(process.env.DATABASE_URL!);
const pending = new Map<string, Promise<void>>();

export function declareOnce(name: string): Promise<void> {
  const declared = pending.get(name) ?? ensureQueue(boss, name);
  pending.set(name, declared);
  return declared;
}

export const steps: Array<() => Promise<void>> = [
  () => ensureQueue(boss, 'thumbnails'),
  () => ensureQueue(boss, 'previews').then(() => ensureQueue(boss, 'previews_dlq')),
];

export async function boot(names: string[]) {
  await safeCreateQueue(boss, 'boot');
  void safeCreateQueue(boss, 'background');
  names.forEach((name) => safeCreateQueue(boss, name));
  names.length > 0 && (await safeCreateQueue(boss, 'audit'));
}
