import fs from 'node:fs';
import path from 'node:path';
import { buildInventory, type InventoryOptions } from './buildInventory';
import { diskFileSource, type FileSource } from './fileSource';
import { findProgramOperations } from './findProgramOperations';
import type { QueueInventory } from './queueInventory';
import { canHoldQueueCall } from './queueMethods';
import { relativePath } from '../util/relativePath';

export interface QueueScan {
  readonly inventory: QueueInventory;
  /** The folder every path in the inventory is relative to. */
  readonly root: string;
  readonly scanned: number;
  /** Some wrapper had more call sites than are followed: its names were left unknown. */
  readonly boundReached: boolean;
  /** Folders that could not be listed, and files that mention a pg-boss method but could not be read or parsed. */
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

/**
 * Finds every queue declared or used under `paths` (files and folders, walked and filtered as the codemod
 * does), resolving names across the files of the tree. `fileSource` is the disk unless a caller keeps the
 * files between scans (the editor rules).
 */
export interface ScanOptions extends Partial<InventoryOptions> {
  /** Where files, texts and parses come from: the disk, unless a caller keeps them between scans. */
  readonly fileSource?: FileSource;
}

export function scanQueues(
  paths: readonly string[],
  extensions: ReadonlySet<string>,
  { includeTests = false, fileSource = diskFileSource }: ScanOptions = {},
): QueueScan {
  const root = commonRoot(paths);
  const relative = (file: string) => relativePath(root, file);
  const skipped: Array<{ file: string; reason: string }> = [];
  // A folder that cannot be listed is reported like a file that cannot be read, and the scan goes on.
  const collected = fileSource.list(paths, new Set([...extensions, 'json']), ({ directory, reason }) =>
    skipped.push({ file: relative(directory), reason: `could not read directory: ${reason}` }),
  );
  const files = collected.filter((file) => extensions.has(path.extname(file).slice(1)));
  // Every file is read once: wrappers' callers are looked for in the texts of files that name them.
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
  const found = findProgramOperations({
    texts,
    candidates,
    packageJsons: collected.filter((file) => path.basename(file) === 'package.json'),
    relative,
    fileSource,
  });
  return {
    inventory: buildInventory(found.operations, { includeTests }),
    root,
    scanned: files.length,
    boundReached: found.boundReached,
    skipped: [...skipped, ...found.unparsable],
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
