/** `text` as a regular expression that matches it literally (a name searched for in file texts). */
export function escapeRegExp(text: string): string {
  return text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');
}

/**
 * Where a text names the identifier `name`: not inside a longer one. `\b` would not do: it takes `$` for a
 * boundary (`ensure$`, `$run`), and no letter outside ASCII for a letter.
 */
export function mentionOf(name: string): RegExp {
  return new RegExp(
    `(?<![\\p{ID_Continue}$\\u200c\\u200d])${escapeRegExp(name)}(?![\\p{ID_Continue}$\\u200c\\u200d])`,
    'u',
  );
}
