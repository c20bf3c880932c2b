import fs from 'node:fs';
import { withoutByteOrderMark } from './byteOrderMark';

/**
 * The package.json at `file`, parsed (a leading byte order mark skipped, as Node's `require` does), or
 * undefined where there is none to read: absent, no regular file (a link to a pipe, whose read waits for a
 * writer forever), unreadable, not JSON, or JSON that is no object.
 * Every manifest the analysis looks at goes through here, so none of them can stop a lint or a scan.
 */
export function readManifest(file: string): Record<string, unknown> | undefined {
  try {
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
    const manifest: unknown = JSON.parse(withoutByteOrderMark(fs.readFileSync(file, 'utf8')));
    return typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
