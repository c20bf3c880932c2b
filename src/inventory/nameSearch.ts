import path from 'node:path';

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

/**
 * A text that may import `file` as a whole (`import declare from './declareQueue'`, `require('./queues')`):
 * one holding a quoted module specifier that ends in the file's name, or its folder's for an index file.
 */
export function mentionsModule(file: string): RegExp {
  const stem = path.basename(file, path.extname(file));
  const name = stem === 'index' ? path.basename(path.dirname(file)) : stem;
  return new RegExp(
    `['"\`][^'"\`\\n]*\\b${escapeRegExp(name)}(?:\\.[cm]?[jt]sx?)?(?:/index(?:\\.[cm]?[jt]sx?)?)?['"\`]`,
  );
}
