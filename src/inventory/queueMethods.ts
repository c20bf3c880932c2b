/**
 * The pg-boss methods and runtime helpers the inventory reads, and the text checks that tell which files
 * can hold such a call: kept apart from the analysis, so a run decides what to parse before it loads a parser.
 */

/** The pg-boss methods that name a queue: which argument holds the name, and which the options (for `deadLetter`). */
export const USE_METHODS: ReadonlyMap<string, { readonly name: number; readonly options?: number }> = new Map([
  ['send', { name: 0, options: 2 }],
  ['sendAfter', { name: 0, options: 2 }],
  ['sendThrottled', { name: 0, options: 2 }],
  ['sendDebounced', { name: 0, options: 2 }],
  ['insert', { name: 0 }],
  ['fetch', { name: 0 }],
  ['work', { name: 0 }],
  ['schedule', { name: 0, options: 3 }],
  // subscribe(event, queue): the queue is the target the event's jobs go to.
  ['subscribe', { name: 1 }],
  ['getQueueSize', { name: 0 }],
  ['deleteQueue', { name: 0 }],
  ['updateQueue', { name: 0, options: 1 }],
]);

/** The calls whose queue name declares a queue: pg-boss's own and the runtime helpers'. */
export const DECLARING_METHODS: ReadonlySet<string> = new Set([
  'createQueue',
  'safeCreateQueue',
  'safeCreateQueues',
  'ensureQueue',
]);

/** Every method and helper the inventory reads; a file that mentions none of them is never parsed. */
export const QUEUE_METHOD_NAMES: readonly string[] = [
  'createQueue',
  'safeCreateQueue',
  'safeCreateQueues',
  ...USE_METHODS.keys(),
];

/** The runtime helpers that declare queues, called as functions (`ensureQueue` only as the runtime's import). */
export const MENTIONS_HELPER = /\b(?:safeCreateQueues?|ensureQueue)\b/;

/**
 * The same kind of text check as the codemod's: a file that names none of the methods is never parsed.
 * The names are looked for as members (`.send`, `?.send`, `['send']`) or as the runtime helpers, the only
 * places the inventory reads them: `send`, `fetch` and `insert` are common words in code that never
 * touches pg-boss, and a large parser or bundler source mentions them all.
 */
export const MENTIONS_QUEUE_METHOD = new RegExp(
  `(?:\\.|\\[\\s*['"\`])\\s*(?:${QUEUE_METHOD_NAMES.join('|')})\\b|${MENTIONS_HELPER.source}`,
);

/** What every file that holds a pg-boss instance the syntax can prove mentions. */
export const MENTIONS_BOSS = /boss/i;

/**
 * Whether a file's text can hold a queue call the inventory reads. A method call counts only on a pg-boss
 * instance, which the syntax proves by `boss` somewhere in the file (an import of pg-boss, `PgBoss`, a
 * receiver named for it): `res.send` alone is not worth a parse. A createQueue or a work call anywhere is
 * read, since one on a receiver that may be pg-boss keeps its queue from being called undeclared, or
 * unworked. Every file of a project is asked this, and most hold no `boss`: for them only the helpers
 * and those two calls are looked for, each after a plain search for a word it needs (a pattern that starts
 * at every `.` of a large file costs more than the file's read). A helper or such a call mentions a queue
 * method itself, so this is the same as asking for a method and then for one of the three.
 */
export function canHoldQueueCall(text: string): boolean {
  if (MENTIONS_BOSS.test(text)) return MENTIONS_QUEUE_METHOD.test(text);
  return (
    (text.includes('Queue') && MENTIONS_HELPER.test(text)) ||
    ((text.includes('createQueue') || text.includes('work')) && MENTIONS_UNPLACED_CALL.test(text))
  );
}

/** A createQueue or work call on a receiver with another name may still be pg-boss's (findQueueOperations). */
const MENTIONS_UNPLACED_CALL = /\.\s*(?:createQueue\b|work\s*[<(])/;
