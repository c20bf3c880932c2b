/** The byte order mark a UTF-8 file may begin with. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A file's text without a leading byte order mark, as ESLint hands its rules a source file's text and as
 * Node's `require` parses a package.json: `JSON.parse` rejects the mark.
 */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}
