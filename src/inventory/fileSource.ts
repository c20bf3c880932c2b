import fs from 'node:fs';
import { collectFiles, type UnreadableDirectory } from '../files/collectFiles';
import { parseSourceFile } from '../files/parseSourceFile';
import { withoutByteOrderMark } from '../util/byteOrderMark';
import type { SourceFile } from '../util/sourceFile';

/**
 * Where a scan gets its files, their texts and their parses. The command reads the disk afresh on every
 * run (`diskFileSource`); the editor rules keep all three between lints (src/project/projectFiles.ts) and
 * hand over the linted file's unsaved text, so a re-lint reads and parses only what changed.
 */
export interface FileSource {
  /** The files under `paths` with one of `extensions`, listed as collectFiles lists them. */
  list(
    paths: readonly string[],
    extensions: ReadonlySet<string>,
    onUnreadableDirectory: (problem: UnreadableDirectory) => void,
  ): readonly string[];
  /** A file's text; throws when it cannot be read. */
  read(file: string): string;
  /**
   * A file's text for a search (which files name a wrapper); throws when it cannot be read. A cache may
   * keep it without watching the file: only what `read` returned can change the inventory by itself.
   */
  peek(file: string): string;
  /** `text` (the text of `file`) parsed, parents set; throws when it does not parse. */
  parse(file: string, text: string): SourceFile;
  /**
   * Notes a file or folder the scan looked at besides the files and settings files of the tree: a config a
   * tsconfig.json extends, in the tree or in node_modules, or one it looked for and did not find; the folder
   * an imported module was looked for in (`../../shared/names`, outside the roots, there or not yet), a
   * tsconfig.json looked for in the folders above such a module. A cache watches it, as such a file is
   * edited in place, or created where no listed folder shows it.
   */
  lookedAt(file: string): void;
}

/**
 * A source file's text as ESLint reads it: without a leading byte order mark. The project rules tell a
 * linted text from the one the scan read by comparing them: read with the mark, each such file would differ
 * at every lint (its project scanned again each time, and no scan kept), and line 1's columns would be one
 * past the editor's, in `pg-boss-queues` too.
 */
function readSourceText(file: string): string {
  return withoutByteOrderMark(fs.readFileSync(file, 'utf8'));
}

export const diskFileSource: FileSource = {
  list: collectFiles,
  read: readSourceText,
  peek: readSourceText,
  parse: (file, text) => parseSourceFile(text, file),
  lookedAt: () => {},
};
