import fs from 'node:fs';
import path from 'node:path';
import { collectFiles } from '../files/collectFiles';
import { UnparsableFileError } from '../files/parseSourceFile';
import { buildInventory, type InventoryOptions, type LocatedOperation } from './buildInventory';
import { findDeclaredPgBossMajor } from './findDeclaredPgBossMajor';
import { findQueueOperations, QUEUE_METHOD_NAMES } from './findQueueOperations';
import { isTestFile } from './isTestFile';
import { MENTIONS_BOSS, ProgramCallers } from './programCallers';
import { ProjectModules } from './projectModules';
import type { QueueInventory } from './queueInventory';
import { NO_BINDINGS } from './staticValue';

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
 * The same kind of text check as the codemod's: a file that names none of the methods is never parsed.
 * The names are looked for as members (`.send`, `?.send`, `['send']`) or as the runtime helpers, the only
 * places the inventory reads them: `send`, `fetch` and `insert` are common words in code that never
 * touches pg-boss, and a large parser or bundler source mentions them all.
 */
const MENTIONS_QUEUE_METHOD = new RegExp(
  `(?:\\.|\\[\\s*['"\`])\\s*(?:${QUEUE_METHOD_NAMES.join('|')})\\b|\\bsafeCreateQueues?\\b`,
);

const MENTIONS_HELPER = /\bsafeCreateQueues?\b/;

/**
 * Finds every queue declared or used under `paths` (files and folders, walked and filtered as the codemod
 * does), resolving names across the files of the tree.
 */
export function scanQueues(
  paths: readonly string[],
  extensions: ReadonlySet<string>,
  options: InventoryOptions = { includeTests: false },
): QueueScan {
  const root = commonRoot(paths);
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const skipped: Array<{ file: string; reason: string }> = [];
  // A folder that cannot be listed is reported like a file that cannot be read, and the scan goes on.
  const collected = collectFiles(paths, new Set([...extensions, 'json']), ({ directory, reason }) =>
    skipped.push({ file: relative(directory), reason: `could not read directory: ${reason}` }),
  );
  const files = collected.filter((file) => extensions.has(path.extname(file).slice(1)));
  const modules = new ProjectModules(collected.filter((file) => path.basename(file) === 'package.json'));
  // Every file is read once: wrappers' callers are looked for in the texts of files that name them.
  const texts = new Map<string, string>();
  for (const file of files) {
    try {
      texts.set(file, fs.readFileSync(file, 'utf8'));
    } catch (error) {
      skipped.push({ file: relative(file), reason: `could not read: ${(error as Error).message}` });
    }
  }
  const callers = new ProgramCallers(modules, texts);
  const operations: LocatedOperation[] = [];
  for (const [file, text] of texts) {
    // A method call counts only on a pg-boss instance, which the syntax proves by `boss` somewhere in the
    // file (an import of pg-boss, `PgBoss`, a receiver named for it): `res.send` alone is not worth a parse.
    if (!MENTIONS_QUEUE_METHOD.test(text) || !(MENTIONS_BOSS.test(text) || MENTIONS_HELPER.test(text))) continue;
    const source = modules.scanned(file, text);
    if (source instanceof UnparsableFileError) {
      skipped.push({ file: relative(file), reason: source.reason });
      continue;
    }
    for (const operation of findQueueOperations({ modules, file, source, bindings: NO_BINDINGS }, callers)) {
      const major = findDeclaredPgBossMajor(path.dirname(operation.file));
      const where = relative(operation.file);
      operations.push({
        ...operation,
        file: where,
        createsQueuesImplicitly: major !== undefined && major < 10,
        test: isTestFile(where),
      });
    }
  }
  return {
    inventory: buildInventory(operations, options),
    root,
    scanned: files.length,
    boundReached: callers.boundReached,
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
