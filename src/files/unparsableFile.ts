// What a file that cannot be parsed is, apart from the parsers: a run that reports or counts such files
// (the CLIs' summaries) loads no parser and no scope analysis until a file needs them.

/** V8's message when a thread runs out of stack. */
const STACK_OVERFLOW = 'Maximum call stack size exceeded';

/** Why a file the parser or a walk of its tree ran out of stack on is skipped. */
export const TOO_DEEP = 'nested too deeply: ran out of stack';

/**
 * Why a file whose tree is too large to hand over is skipped: oxc gives its tree as one string, past V8's
 * longest (a source of about 16 MB), and typescript-estree takes many minutes and gigabytes on such a file.
 */
export const TOO_LARGE = 'too large to parse: its tree is longer than the longest string JavaScript holds';

/**
 * Why a large file that oxc cannot parse (it may nest too deeply for oxc's stack, or oxc finds a syntax error) is
 * skipped unread: typescript-estree's time and memory grow faster than the file, the more so on a worker's
 * larger stack, where a file of 2 MB nested 6,000 levels deep took 7 s and 1.4 GB, and one of 16 MB more than
 * three minutes and 4.5 GB.
 */
export const TOO_LARGE_WITHOUT_OXC =
  'too large to parse: over 2 MB, and oxc cannot read it (nested too deeply for it, or a syntax error)';

/**
 * Whether an error is a thread running out of stack, in the parser (typescript-estree's, whose JavaScript
 * recursion ends in a RangeError) or in a walk of the tree: a thread with a larger stack may get further.
 */
export function ranOutOfStack(error: unknown): boolean {
  return (
    (error instanceof RangeError && error.message === STACK_OVERFLOW) ||
    (error instanceof UnparsableFileError && error.parserMessage === STACK_OVERFLOW)
  );
}

/** A file that cannot be parsed: skipped and reported, never written. The message names the file too. */
export class UnparsableFileError extends Error {
  override readonly name = 'UnparsableFileError';

  constructor(
    readonly file: string,
    /** `line:column`, both from 1, when the parser gives a position. */
    readonly position: string | undefined,
    /** The parser's own words: `',' expected.` */
    readonly parserMessage: string,
    options: ErrorOptions,
  ) {
    super(`${file}${position === undefined ? '' : ` (${position})`}: ${parserMessage}`, options);
  }

  /** What the CLIs print after a skipped file's name: `syntax error at 2:25: ',' expected.` */
  get reason(): string {
    if (this.parserMessage === STACK_OVERFLOW) return TOO_DEEP;
    if (this.parserMessage === TOO_LARGE || this.parserMessage === TOO_LARGE_WITHOUT_OXC) return this.parserMessage;
    return `syntax error${this.position === undefined ? '' : ` at ${this.position}`}: ${this.parserMessage}`;
  }
}
