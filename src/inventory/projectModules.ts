import path from 'node:path';
import { statOf } from '../files/collectFiles';
import { UnparsableFileError } from '../files/unparsableFile';
import { readManifest } from '../util/readManifest';
import { readManifestField } from '../util/searchUpwards';
import type { SourceFile } from '../util/sourceFile';
import { diskFileSource, type FileSource } from './fileSource';
import { TsconfigAliases } from './tsconfigAliases';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Compiled names point at sources: `./queues.js` is `./queues.ts` in a TypeScript tree. */
const COMPILED_TO_SOURCE: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** Where a package of the scanned tree keeps its entry, in the order a source tree most likely has one. */
const ENTRY_FIELDS = ['source', 'types', 'typings', 'module', 'main'] as const;

/**
 * The files of the scanned tree as modules: parsed on demand (a constants file that mentions no pg-boss
 * method is parsed only when a queue name is imported from it), and import specifiers resolved to
 * files: relative paths, the `paths` and `baseUrl` aliases of the nearest tsconfig.json, and the names of
 * the workspace packages whose package.json lies in the tree.
 */
export class ProjectModules {
  private readonly parsed = new Map<string, SourceFile | null>();
  private readonly packages: ReadonlyMap<string, string>;
  private readonly aliases: TsconfigAliases;

  /** `packageJsons`: every package.json of the tree, so `@acme/queues` resolves to its folder. */
  constructor(
    packageJsons: readonly string[],
    private readonly fileSource: FileSource = diskFileSource,
  ) {
    const packages = new Map<string, string>();
    for (const manifest of packageJsons) {
      const name = readManifestField(manifest, 'name');
      if (name !== undefined && !packages.has(name)) packages.set(name, path.dirname(manifest));
    }
    this.packages = packages;
    this.aliases = new TsconfigAliases(fileSource);
  }

  /**
   * A file names are imported from: parsed once and kept, since a constants module is usually imported by
   * many files. Null when it cannot be read or parsed (its names stay unresolved).
   */
  source(file: string): SourceFile | null {
    let source = this.parsed.get(file);
    if (source === undefined) {
      source = parse(this.fileSource, file, () => this.fileSource.read(file));
      this.parsed.set(file, source);
    }
    return source;
  }

  /**
   * A scanned file, already read: not kept unless something imports from it, because holding every tree
   * of a large codebase costs more in garbage collection than parsing the few imported ones again. The
   * parser's error, with its position, when it cannot be parsed.
   */
  scanned(file: string, text: string): SourceFile | UnparsableFileError {
    return this.parsed.get(file) ?? parseOrError(this.fileSource, file, text);
  }

  /** The file `specifier` names when imported from `fromFile`, or undefined outside the scanned tree. */
  resolve(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) return this.resolvePath(path.resolve(path.dirname(fromFile), specifier));
    for (const candidate of this.aliases.candidates(fromFile, specifier)) {
      const found = this.resolvePath(candidate);
      if (found) return found;
    }
    const match = /^((?:@[^/]+\/)?[^/]+)(?:\/(.+))?$/.exec(specifier);
    const directory = match && this.packages.get(match[1]!);
    if (!directory) return undefined;
    if (match[2])
      return resolveFile(path.join(directory, match[2])) ?? resolveFile(path.join(directory, 'src', match[2]));
    return resolvePackageEntry(directory);
  }

  /**
   * The file a path names (resolveFile). The folders it was looked for in are noted (`lookedAt`), found or
   * not, so that a cache sees a module written there later, outside the listed folders too: the one looked
   * for in vain, or one that comes before the file found (`names.ts` beside `names.js`), or a nearer
   * tsconfig.json beside it. The folder the path names is one only when it is there (`names/index.ts`): its
   * creation shows in its parent's time.
   */
  private resolvePath(base: string): string | undefined {
    this.fileSource.lookedAt(path.dirname(base));
    if (statOf(base)?.isDirectory()) this.fileSource.lookedAt(base);
    return resolveFile(base);
  }
}

function parse(fileSource: FileSource, file: string, read: () => string): SourceFile | null {
  let text: string;
  try {
    text = read();
  } catch {
    return null;
  }
  const source = parseOrError(fileSource, file, text);
  return source instanceof UnparsableFileError ? null : source;
}

/** The file's tree (walked once by the source, so that a tree the walk cannot follow counts as unparsable too). */
function parseOrError(fileSource: FileSource, file: string, text: string): SourceFile | UnparsableFileError {
  try {
    return fileSource.parse(file, text);
  } catch (error) {
    if (error instanceof UnparsableFileError) return error;
    return new UnparsableFileError(file, undefined, error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
}

function resolvePackageEntry(directory: string): string | undefined {
  // None to read: the conventional entries below.
  const manifest = readManifest(path.join(directory, 'package.json')) ?? {};
  const entries = [...ENTRY_FIELDS.map((field) => manifest[field]), exportedEntry(manifest.exports)];
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const found = resolveFile(path.join(directory, entry)) ?? resolveFile(path.join(directory, toSourcePath(entry)));
    if (found) return found;
  }
  return resolveFile(path.join(directory, 'src/index')) ?? resolveFile(path.join(directory, 'index'));
}

/** `exports: "./x.js"` or `exports: { ".": { import: "./x.js" } }`, reduced to one path. */
function exportedEntry(exports: unknown): unknown {
  let current = exports;
  if (current && typeof current === 'object' && '.' in current) current = (current as Record<string, unknown>)['.'];
  while (current && typeof current === 'object') {
    const conditions = current as Record<string, unknown>;
    current = conditions.source ?? conditions.types ?? conditions.import ?? conditions.require ?? conditions.default;
  }
  return current;
}

/** `dist/index.js` → `src/index.js`: a workspace package's compiled entry is rarely built in a source tree. */
function toSourcePath(entry: string): string {
  return entry.replace(/^(\.\/)?(dist|build|lib|out)\//, 'src/').replace(/\.d\.([cm]?ts)$/, '.$1');
}

function resolveFile(base: string): string | undefined {
  const extension = path.extname(base);
  const candidates = [
    base,
    ...(COMPILED_TO_SOURCE[extension] ?? []).map((source) => base.slice(0, -extension.length) + source),
    ...SOURCE_EXTENSIONS.map((source) => base + source),
    ...SOURCE_EXTENSIONS.map((source) => path.join(base, `index${source}`)),
  ];
  return candidates.find((candidate) => SOURCE_EXTENSIONS.includes(path.extname(candidate)) && isFile(candidate));
}

/** Whether `file` is a file: not when a folder on its way is one (`./package.json/index.ts`, ENOTDIR). */
function isFile(file: string): boolean {
  return statOf(file)?.isFile() ?? false;
}
