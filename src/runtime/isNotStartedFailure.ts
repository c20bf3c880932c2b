/**
 * How each version fails once its pool is closed or not yet open: 12.x asserts
 * ('Database not opened. Call open()/start() …'), while 10.x and 11.x get `undefined` back from
 * executeSql and fail reading its rows (`Cannot destructure property 'rows' …`); a statement that asks
 * for a connection while stop() ends the pool gets pg's own `Cannot use a pool after calling end on the pool`.
 */
export function isNotStartedFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    /Database not opened|Cannot use a pool after calling end/.test(error.message) ||
    (error instanceof TypeError && /\brows\b/.test(error.message))
  );
}
