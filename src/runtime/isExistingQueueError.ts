/**
 * 10.0.0–10.1.4 databases (and any whose create_queue function predates the 10.1.5 migration) answer
 * createQueue on an existing queue with a unique violation on the queue table's primary key.
 */
export function isExistingQueueError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === 'queue_pkey';
}
