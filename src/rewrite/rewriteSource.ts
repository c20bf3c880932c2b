import { findBareCreateQueueCalls } from '../analysis/findBareCreateQueueCalls';
import { mayContainCreateQueue } from '../analysis/mayContainCreateQueue';
import { parseSourceFile } from '../files/parseSourceFile';
import { planManualRewriteMarker } from './planManualRewriteMarker';
import { planSafeCreateQueueRewrite } from './planSafeCreateQueueRewrite';
import { applyTextEdits, type TextEdit } from './textEdit';

export interface SourceRewrite {
  /** The new text; the very same string when nothing changed. */
  readonly output: string;
  /** Calls rewritten to safeCreateQueue. */
  readonly rewritten: number;
  /** Calls left for a person, each under a TODO(pg-boss-codemod) comment (added now, or by an earlier run). */
  readonly flagged: number;
}

/**
 * The codemod for one file's text: every call the rule reports without type information is rewritten
 * with the rule's own suggestion edits, all at once, with one import. Text outside the edits is kept
 * byte for byte; a file without createQueue is not even parsed. Throws UnparsableFileError.
 */
export function rewriteSource(text: string, filePath: string, importSource: string): SourceRewrite {
  if (!mayContainCreateQueue(text)) return { output: text, rewritten: 0, flagged: 0 };
  const source = parseSourceFile(text, filePath);
  const calls = findBareCreateQueueCalls({ source, types: undefined });
  if (calls.length === 0) return { output: text, rewritten: 0, flagged: 0 };
  const { edits, unrewritable } = planSafeCreateQueueRewrite(source, calls, importSource);
  // One comment per statement, however many of its calls are left: the first one's reason.
  const markers: TextEdit[] = [];
  for (const left of unrewritable) {
    const marker = planManualRewriteMarker(source, left, importSource);
    if (marker && !markers.some((other) => other.range[0] === marker.range[0])) markers.push(marker);
  }
  // Markers first: where one lands at the same offset as the import, the import must end up above it.
  return {
    output: applyTextEdits(text, [...markers, ...edits]),
    rewritten: calls.length - unrewritable.length,
    flagged: unrewritable.length,
  };
}
