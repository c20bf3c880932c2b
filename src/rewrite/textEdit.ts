/** A replacement of the text in `range` (start inclusive, end exclusive); an insertion when the range is empty. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** Applies non-overlapping edits to `text`; everything outside their ranges stays byte-identical. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]);
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of ordered) {
    if (edit.range[1] > limit) throw new Error(`Overlapping edits at offset ${edit.range[0]}`);
    result = result.slice(0, edit.range[0]) + edit.text + result.slice(edit.range[1]);
    limit = edit.range[0];
  }
  return result;
}
