import fs from 'node:fs';
import path from 'node:path';
import { buildInventory, countUnresolvedDeclarations, type FileOperations } from './buildInventory';
import { diskFileSource, type FileSource } from './fileSource';
import { findDeclaredPgBossMajor } from './findDeclaredPgBossMajor';
import { findQueueOperations, QUEUE_METHOD_NAMES } from './findQueueOperations';
import { ProjectModules } from './projectModules';
import type { QueueInventory } from './queueInventory';
import { NO_BINDINGS } from './staticValue';

export interface QueueScan {
  readonly inventory: QueueInventory;
  /** The folder every path in the inventory is relative to. */
  readonly root: string;
  readonly scanned: number;
  /** Declarations whose queue name is not a constant: while there is one, no queue is called undeclared. */
  readonly unresolvedDeclarations: number;
  /** Folders that could not be listed, and files that mention a pg-boss method but could not be read or parsed. */
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

/**
 * The same kind of text check as the codemod's: a file that names none of the methods is never parsed.
 * The names are looked for as members (`.send`, `?.send`, `['send']`) or as the runtime helpers, the only
 * places the inventory reads them: `send`, `fetch` and `insert` are common words in code that never
 * touches pg-boss, and a large parser or bundler source mentions them all.
 */
export const MENTIONS_QUEUE_METHOD = new RegExp(
  `(?:\\.|\\[\\s*['"\`])\\s*(?:${QUEUE_METHOD_NAMES.join('|')})\\b|\\bsafeCreateQueues?\\b`,
);

/**
 * Finds every queue declared or used under `paths` (files and folders, walked and filtered as the codemod
 * does), resolving names across the files of the tree. `fileSource` is the disk unless a caller keeps the
 * files between scans (the editor rules).
 */
export function scanQueues(
  paths: readonly string[],
  extensions: ReadonlySet<string>,
  fileSource: FileSource = diskFileSource,
): QueueScan {
  const root = commonRoot(paths);
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const skipped: Array<{ file: string; reason: string }> = [];
  // A folder that cannot be listed is reported like a file that cannot be read, and the scan goes on.
  const collected = fileSource.list(paths, new Set([...extensions, 'json']), ({ directory, reason }) =>
    skipped.push({ file: relative(directory), reason: `could not read directory: ${reason}` }),
  );
  const files = collected.filter((file) => extensions.has(path.extname(file).slice(1)));
  const modules = new ProjectModules(
    collected.filter((file) => path.basename(file) === 'package.json'),
    fileSource,
  );
  const found: FileOperations[] = [];
  for (const file of files) {
    let text: string | undefined;
    try {
      text = fileSource.readIfMatching(file, MENTIONS_QUEUE_METHOD);
    } catch (error) {
      skipped.push({ file: relative(file), reason: `could not read: ${(error as Error).message}` });
      continue;
    }
    if (text === undefined) continue;
    const source = modules.scanned(file, text);
    if (!source) {
      skipped.push({ file: relative(file), reason: 'could not parse' });
      continue;
    }
    const operations = findQueueOperations({ modules, file, source, bindings: NO_BINDINGS });
    if (operations.length > 0) {
      const major = findDeclaredPgBossMajor(path.dirname(file));
      found.push({ file: relative(file), operations, createsQueuesImplicitly: major !== undefined && major < 10 });
    }
  }
  return {
    inventory: buildInventory(found),
    root,
    scanned: files.length,
    unresolvedDeclarations: countUnresolvedDeclarations(found),
    skipped,
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
