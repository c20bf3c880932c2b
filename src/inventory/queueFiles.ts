import fs from 'node:fs';
import path from 'node:path';
import { buildInventory } from './buildInventory';
import type { UnreadableDirectory } from '../files/collectFiles';
import type { FileSource } from './fileSource';
import type { ProgramFiles, ProgramOperations } from './findProgramOperations';
import { canHoldQueueCall } from './queueMethods';
import type { QueueScan } from './scanQueues';
import { relativePath } from '../util/relativePath';

/**
 * A tree's files as a scan reads them before any is parsed: listed, each read once, the candidates among
 * them known. Apart from the analysis (src/inventory/scanQueues.ts), so that `pg-boss-queues` loads that
 * only for a tree with a candidate.
 */
export interface QueueFiles extends Omit<ProgramFiles, 'fileSource'> {
  /** The folder every path in the inventory is relative to. */
  readonly root: string;
  /** How many source files were listed. */
  readonly scanned: number;
  /** Folders that could not be listed and files that could not be read, relative to `root`. */
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

/** What a tree without a candidate file holds: every operation is in a candidate. */
export const NO_OPERATIONS: ProgramOperations = { operations: [], boundReached: false, unparsable: [] };

/**
 * Lists the files under `paths` (files and folders, walked and filtered as the codemod does) and reads each
 * once: wrappers' callers are looked for in the texts of files that name them.
 */
export function readQueueFiles(
  paths: readonly string[],
  extensions: ReadonlySet<string>,
  fileSource: Pick<FileSource, 'list' | 'read' | 'peek'>,
): QueueFiles {
  const root = commonRoot(paths);
  const relative = (file: string) => relativePath(root, file);
  const skipped: Array<{ file: string; reason: string }> = [];
  // A folder that cannot be listed is reported like a file that cannot be read, and the scan goes on.
  const collected = listQueueFiles(paths, extensions, fileSource, ({ directory, reason }) =>
    skipped.push({ file: relative(directory), reason: `could not read directory: ${reason}` }),
  );
  const files = collected.filter((file) => extensions.has(path.extname(file).slice(1)));
  const texts = new Map<string, string>();
  const candidates: string[] = [];
  for (const file of files) {
    try {
      const text = fileSource.peek(file);
      // A file that can hold a queue call is read whole: its own changes change the inventory.
      const candidate = canHoldQueueCall(text);
      texts.set(file, candidate ? fileSource.read(file) : text);
      if (candidate) candidates.push(file);
    } catch (error) {
      skipped.push({ file: relative(file), reason: `could not read: ${(error as Error).message}` });
    }
  }
  return {
    root,
    relative,
    texts,
    candidates,
    packageJsons: collected.filter((file) => path.basename(file) === 'package.json'),
    scanned: files.length,
    skipped,
  };
}

/** What a scan of `paths` lists: the source files with `extensions`, and the package.json files that place packages. */
export function listQueueFiles(
  paths: readonly string[],
  extensions: ReadonlySet<string>,
  fileSource: Pick<FileSource, 'list'>,
  onUnreadableDirectory: (problem: UnreadableDirectory) => void,
): readonly string[] {
  return fileSource.list(paths, new Set([...extensions, 'json']), onUnreadableDirectory);
}

/** The scan of `files` whose candidates held `found`. */
export function scanOf(files: QueueFiles, found: ProgramOperations, includeTests: boolean): QueueScan {
  return {
    inventory: buildInventory(found.operations, { includeTests }),
    root: files.root,
    scanned: files.scanned,
    boundReached: found.boundReached,
    skipped: [...files.skipped, ...found.unparsable],
  };
}

/** The deepest folder containing every given path (a file's own folder when one file is given). */
function commonRoot(paths: readonly string[]): string {
  const folders = paths.map((given) => {
    const absolute = path.resolve(given);
    return fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory() ? absolute : path.dirname(absolute);
  });
  let root = folders[0] ?? process.cwd();
  while (
    !folders.every((folder) => folder === root || folder.startsWith(root.endsWith(path.sep) ? root : root + path.sep))
  )
    root = path.dirname(root);
  return root;
}
