import fs from 'node:fs';
import path from 'node:path';

/** What one tsconfig.json, with the files it extends, says about bare import specifiers. */
interface AliasSettings {
  /** `compilerOptions.baseUrl`, absolute. */
  readonly baseUrl: string | undefined;
  /** `compilerOptions.paths` as written: patterns with at most one `*`, each with its targets. */
  readonly paths: Readonly<Record<string, readonly string[]>> | undefined;
  /** The folder of the tsconfig that sets `paths`: its targets are relative to it when there is no baseUrl. */
  readonly pathsFolder: string;
}

/**
 * The `compilerOptions.paths` and `baseUrl` aliases of the nearest tsconfig.json, as TypeScript applies
 * them (`@queue/queue` → `src/infra/queue/queue`), following `extends` of relative files. A package
 * named in `extends` (`@tsconfig/node20`) is not read: it lies in node_modules, which is not scanned.
 */
export class TsconfigAliases {
  private readonly nearest = new Map<string, AliasSettings | null>();

  /** The paths, without extension, that `specifier` may name from `fromFile`, in the order TypeScript tries them. */
  candidates(fromFile: string, specifier: string): string[] {
    const settings = this.settingsFor(path.dirname(fromFile));
    if (!settings) return [];
    const candidates: string[] = [];
    const match = settings.paths && matchPattern(Object.keys(settings.paths), specifier);
    if (match) {
      const targetFolder = settings.baseUrl ?? settings.pathsFolder;
      for (const target of settings.paths![match.pattern]!)
        candidates.push(path.resolve(targetFolder, target.replace('*', match.captured)));
    }
    if (settings.baseUrl) candidates.push(path.resolve(settings.baseUrl, specifier));
    return candidates;
  }

  private settingsFor(folder: string): AliasSettings | null {
    let settings = this.nearest.get(folder);
    if (settings === undefined) {
      const config = path.join(folder, 'tsconfig.json');
      const parent = path.dirname(folder);
      if (fs.statSync(config, { throwIfNoEntry: false })?.isFile()) settings = readSettings(config, new Set());
      else settings = parent === folder ? null : this.settingsFor(parent);
      this.nearest.set(folder, settings);
    }
    return settings;
  }
}

/**
 * The pattern TypeScript picks for `specifier`: one without `*` that equals it, else the matching pattern
 * with the longest text before its `*`.
 */
function matchPattern(
  patterns: readonly string[],
  specifier: string,
): { pattern: string; captured: string } | undefined {
  if (patterns.includes(specifier) && !specifier.includes('*')) return { pattern: specifier, captured: '' };
  let best: { pattern: string; captured: string; prefix: number } | undefined;
  for (const pattern of patterns) {
    const star = pattern.indexOf('*');
    if (star === -1 || pattern.indexOf('*', star + 1) !== -1) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (
      specifier.length >= prefix.length + suffix.length &&
      specifier.startsWith(prefix) &&
      specifier.endsWith(suffix) &&
      (!best || prefix.length > best.prefix)
    )
      best = {
        pattern,
        captured: specifier.slice(prefix.length, specifier.length - suffix.length),
        prefix: prefix.length,
      };
  }
  return best && { pattern: best.pattern, captured: best.captured };
}

/** The settings of `file` over those of the files it extends (a later one in an `extends` list wins). */
function readSettings(file: string, seen: Set<string>): AliasSettings | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const config = readJsonWithComments(file);
  if (!config) return null;
  const folder = path.dirname(file);
  let settings: AliasSettings = { baseUrl: undefined, paths: undefined, pathsFolder: folder };
  const extended = typeof config.extends === 'string' ? [config.extends] : config.extends;
  for (const parent of Array.isArray(extended) ? extended : []) {
    if (typeof parent !== 'string' || !parent.startsWith('.')) continue;
    const parentFile = path.resolve(folder, parent);
    const inherited = readSettings(parentFile.endsWith('.json') ? parentFile : `${parentFile}.json`, seen);
    if (inherited) settings = overlay(settings, inherited);
  }
  const options = isObject(config.compilerOptions) ? config.compilerOptions : {};
  return overlay(settings, {
    baseUrl: typeof options.baseUrl === 'string' ? path.resolve(folder, options.baseUrl) : undefined,
    paths: isObject(options.paths) ? readPaths(options.paths) : undefined,
    pathsFolder: folder,
  });
}

/** Each option `over` sets replaces the one under it, as in TypeScript's `extends`. */
function overlay(under: AliasSettings, over: AliasSettings): AliasSettings {
  const paths = over.paths ? over : under;
  return { baseUrl: over.baseUrl ?? under.baseUrl, paths: paths.paths, pathsFolder: paths.pathsFolder };
}

function readPaths(paths: Record<string, unknown>): Record<string, readonly string[]> {
  return Object.fromEntries(
    Object.entries(paths).map(([pattern, targets]) => [
      pattern,
      Array.isArray(targets) ? targets.filter((target): target is string => typeof target === 'string') : [],
    ]),
  );
}

/** tsconfig.json is JSON with comments and trailing commas; undefined when it cannot be read. */
function readJsonWithComments(file: string): Record<string, unknown> | undefined {
  try {
    const text = fs
      .readFileSync(file, 'utf8')
      .replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_match, string?: string) => string ?? '')
      .replace(/("(?:\\.|[^"\\])*")|,(?=\s*[}\]])/g, (_match, string?: string) => string ?? '');
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
