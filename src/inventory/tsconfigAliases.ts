import path from 'node:path';
import type * as GetTsconfig from 'get-tsconfig';
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
 */
export class TsconfigAliases {
  /** get-tsconfig's own memory of the files and folders it has looked at, for the life of one scan. */
  private readonly cache: GetTsconfig.Cache = new Map();
  private readonly matchers = new Map<string, AliasMatcher>();

  /** `fileSource` is told of every config read, those a tsconfig.json extends too, and of those looked for in vain. */
  constructor(private readonly fileSource: FileSource) {}

  /** The paths, without extension, that `specifier` may name from `fromFile`, in the order TypeScript tries them. */
  candidates(fromFile: string, specifier: string): string[] {
    const config = loadGetTsconfig().findTsconfig(path.dirname(fromFile), 'tsconfig.json', this.cache);
    return config === undefined ? [] : this.matcherOf(config)(specifier);
  }

  private matcherOf(config: string): AliasMatcher {
    let matcher = this.matchers.get(config);
    if (!matcher) {
      // Only what reading this config added: findTsconfig's looks for a tsconfig.json in every folder
      // above a file are the listing's to watch, through the folders' times.
      const before = this.cache.size;
      this.matchers.set(config, (matcher = readMatcher(config, this.cache)));
      for (const file of filesLookedAt([...this.cache].slice(before))) this.fileSource.readSettings(file);
    }
    return matcher;
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
    const read = /^readFileSync:(.+):[^:]*$/.exec(key);
    const missing = value === false ? /^existsSync:(.+)$/.exec(key) : null;
    const file = read?.[1] ?? missing?.[1];
    return file === undefined ? [] : [path.resolve(file)];
  });
}

/**
 * The aliases of one tsconfig.json. When a `paths` pattern matches but none of its targets exists,
 * TypeScript still tries `baseUrl`: its candidate comes last. A config that cannot be read (an `extends`
 * that is not there, a `paths` target TypeScript rejects) gives none, as TypeScript resolves nothing by it.
 */
function readMatcher(config: string, cache: GetTsconfig.Cache): AliasMatcher {
  let matchPaths: AliasMatcher | null;
  let baseUrl: string | undefined;
  try {
    const { parseTsconfig, createPathsMatcher } = loadGetTsconfig();
    const parsed = { path: config, config: parseTsconfig(config, cache) };
    matchPaths = createPathsMatcher(parsed);
    const base = parsed.config.compilerOptions?.baseUrl;
    baseUrl = base === undefined ? undefined : path.resolve(path.dirname(config), base);
  } catch {
    return NO_ALIASES;
  }
  if (!matchPaths) return NO_ALIASES;
  return (specifier) => {
    const candidates = matchPaths(specifier).map((candidate) => path.resolve(candidate));
    const fromBaseUrl = baseUrl === undefined ? undefined : path.resolve(baseUrl, specifier);
    return fromBaseUrl === undefined || candidates.includes(fromBaseUrl) ? candidates : [...candidates, fromBaseUrl];
  };
}
