import path from 'node:path';
import type * as GetTsconfig from 'get-tsconfig';
import { statOf } from '../files/collectFiles';
import type { FileSource } from './fileSource';

/** The paths one tsconfig.json, with what it extends, lets a bare specifier name; empty when it sets no alias. */
type AliasMatcher = (specifier: string) => string[];

const NO_ALIASES: AliasMatcher = () => [];

/** get-tsconfig, loaded at the first bare specifier: a scan that resolves none never pays for it. */
let getTsconfig: typeof GetTsconfig | undefined;

function loadGetTsconfig(): typeof GetTsconfig {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it with this module
  return (getTsconfig ??= require('get-tsconfig') as typeof GetTsconfig);
}

/**
 * The `compilerOptions.paths` and `baseUrl` aliases of the nearest tsconfig.json, as TypeScript applies
 * them (`@queue/queue` → `src/infra/queue/queue`). get-tsconfig reads the file (comments, trailing commas)
 * and follows its `extends`, relative files and packages alike, and matches the patterns.
 *
 * A solution-style tsconfig.json (Vite's and Angular's templates, Nx) compiles nothing itself
 * (`"files": []`) and lists the configs that do in `references`: a file it does not cover takes the
 * aliases of the referenced config that does, as TypeScript's language server picks that config's
 * project for the file, then the solution's own, which bundlers such as Vite read.
 */
export class TsconfigAliases {
  /** get-tsconfig's own memory of the files and folders it has looked at, for the life of one scan. */
  private readonly cache: GetTsconfig.Cache = new RegularFileReads();
  private readonly configs = new Map<string, ReadConfig>();

  /**
   * `fileSource` is told of every config read, those a tsconfig.json extends or references too, and of those
   * looked for in vain.
   */
  constructor(private readonly fileSource: FileSource) {}

  /** The paths, without extension, that `specifier` may name from `fromFile`, in the order TypeScript tries them. */
  candidates(fromFile: string, specifier: string): string[] {
    const before = this.cache.size;
    const config = loadGetTsconfig().findTsconfig(path.dirname(fromFile), 'tsconfig.json', this.cache);
    // The folders searched on the way up, each once: one outside the listed folders (a module imported from
    // outside the roots) shows a tsconfig.json created there to no stamp of the listing's.
    for (const file of filesLookedAt([...this.cache].slice(before))) this.fileSource.lookedAt(file);
    if (config === undefined) return [];
    const nearest = this.configOf(config);
    const own = nearest.aliases(specifier);
    if (nearest.references.length === 0 || nearest.covers(fromFile)) return own;
    const covering = this.referenceCovering(nearest, fromFile, new Set([config]));
    if (!covering) return own;
    const referenced = covering.aliases(specifier);
    return [...referenced, ...own.filter((candidate) => !referenced.includes(candidate))];
  }

  /** The first config `config` references, depth first, that covers `file`; `seen` breaks a cycle of references. */
  private referenceCovering(config: ReadConfig, file: string, seen: Set<string>): ReadConfig | undefined {
    for (const reference of config.references) {
      if (seen.has(reference)) continue;
      seen.add(reference);
      const referenced = this.configOf(reference);
      if (referenced.covers(file)) return referenced;
      const deeper = this.referenceCovering(referenced, file, seen);
      if (deeper) return deeper;
    }
    return undefined;
  }

  private configOf(config: string): ReadConfig {
    let read = this.configs.get(config);
    if (!read) {
      // Only what reading this config added.
      const before = this.cache.size;
      read = readConfig(config, this.cache);
      this.configs.set(config, read);
      for (const file of filesLookedAt([...this.cache].slice(before))) this.fileSource.lookedAt(file);
      // One that could not be read is watched itself: a reference to a config not written yet leaves no
      // look in get-tsconfig's cache.
      if (read === UNREADABLE) this.fileSource.lookedAt(config);
    }
    return read;
  }
}

/** get-tsconfig's key for a read of a file (`readFileSync:<path>:<encoding>`) in its cache of file system calls. */
const READ_KEY = /^readFileSync:(.+):[^:]*$/;

/**
 * get-tsconfig's cache of file system calls, which also keeps it from reading what is no regular file. It
 * checks that a relative `extends` names a file, but reads a package's config (`"extends": "base/tsconfig.json"`)
 * and its package.json as found, and the nearest tsconfig.json as given: the read of a pipe waits for a writer
 * forever. Such a read throws instead, as a config that cannot be read does, and the config that led to it
 * resolves nothing. The read stays in the cache, with no text, so that filesLookedAt names the file.
 */
class RegularFileReads extends Map<string, unknown> {
  override get(key: string): unknown {
    const known = super.get(key);
    const file = known === undefined ? READ_KEY.exec(key)?.[1] : undefined;
    if (file !== undefined && statOf(file)?.isFile() === false) {
      this.set(key, undefined);
      throw new Error(`Not a regular file: ${file}`);
    }
    return known;
  }
}

/**
 * The files get-tsconfig read (each config of an `extends` chain, the package.json of a package one names)
 * and those it looked for and did not find (a config or package not there yet, which an install or a new
 * file brings), from `entries` of its cache of file system calls: it keys a read
 * `readFileSync:<path>:<encoding>` and a look `existsSync:<path>`, with what the look found.
 */
function filesLookedAt(entries: ReadonlyArray<[string, unknown]>): string[] {
  return entries.flatMap(([key, value]) => {
    const read = READ_KEY.exec(key);
    const missing = value === false ? /^existsSync:(.+)$/.exec(key) : null;
    const file = read?.[1] ?? missing?.[1];
    return file === undefined ? [] : [path.resolve(file)];
  });
}

/** One tsconfig.json as read. */
interface ReadConfig {
  readonly aliases: AliasMatcher;
  /** The config files its `references` name (a folder names its tsconfig.json); empty for most configs. */
  readonly references: readonly string[];
  /** Whether its own `files`, `include` and `exclude` take `file` into the compilation. */
  readonly covers: (file: string) => boolean;
}

const UNREADABLE: ReadConfig = { aliases: NO_ALIASES, references: [], covers: () => false };

/**
 * One tsconfig.json. When a `paths` pattern matches but none of its targets exists, TypeScript still
 * tries `baseUrl`: its candidate comes last. A config that cannot be read (not there, an `extends` that
 * is not there, a `paths` target TypeScript rejects) gives nothing, as TypeScript resolves nothing by it.
 */
function readConfig(config: string, cache: GetTsconfig.Cache): ReadConfig {
  let parsed: GetTsconfig.TsConfigResult;
  let matchPaths: AliasMatcher | null;
  try {
    const { parseTsconfig, createPathsMatcher } = loadGetTsconfig();
    parsed = { path: config, config: parseTsconfig(config, cache) };
    matchPaths = createPathsMatcher(parsed);
  } catch {
    return UNREADABLE;
  }
  const references = referencedConfigs(config, parsed.config.references);
  const base = parsed.config.compilerOptions?.baseUrl;
  const baseUrl = base === undefined ? undefined : path.resolve(path.dirname(config), base);
  let covers: GetTsconfig.FileMatcher | undefined;
  return {
    aliases: matchPaths ? withBaseUrl(matchPaths, baseUrl) : NO_ALIASES,
    references,
    // Built on the first question: only a solution-style config is asked.
    covers: (file) => (covers ??= loadGetTsconfig().createFilesMatcher(parsed))(file) !== undefined,
  };
}

/**
 * The config files `references` names (a folder names its tsconfig.json). It is the file's own text, read
 * as written: an entry without a string `path`, or `references` that is no list, is an error TypeScript
 * reports and then passes over, as this does.
 */
function referencedConfigs(config: string, references: unknown): string[] {
  if (!Array.isArray(references)) return [];
  return references.flatMap((reference: unknown) => {
    const named = (reference as { path?: unknown } | null)?.path;
    if (typeof named !== 'string') return [];
    const resolved = path.resolve(path.dirname(config), named);
    return [resolved.endsWith('.json') ? resolved : path.join(resolved, 'tsconfig.json')];
  });
}

function withBaseUrl(matchPaths: AliasMatcher, baseUrl: string | undefined): AliasMatcher {
  return (specifier) => {
    const candidates = matchPaths(specifier).map((candidate) => path.resolve(candidate));
    const fromBaseUrl = baseUrl === undefined ? undefined : path.resolve(baseUrl, specifier);
    return fromBaseUrl === undefined || candidates.includes(fromBaseUrl) ? candidates : [...candidates, fromBaseUrl];
  };
}
