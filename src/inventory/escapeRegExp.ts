/** `text` as a regular expression that matches it literally (a name searched for in file texts). */
export function escapeRegExp(text: string): string {
  return text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');
}
