import fs from 'node:fs';
import path from 'node:path';
import { withoutByteOrderMark } from '../util/byteOrderMark';
import { searchUpwards } from '../util/searchUpwards';

/** A package whose files import a module its package.json does not list for production, or may not. */
export type DependencyGap = {
  /** The package.json nearest to the files. */
  readonly manifest: string;
  /** The package the rewritten files import: `pg-boss-safe-create-queue`. */
  readonly dependency: string;
  readonly files: readonly string[];
} & (
  | {
      /** `missing`: in no dependency list; `dev-only`: only in devDependencies, so `npm ci --omit=dev` leaves it out. */
      readonly kind: 'missing' | 'dev-only';
    }
  | {
      /** The package.json does not parse, or a dependency list in it is no object: what it lists is not known. */
      readonly kind: 'unreadable';
      readonly problem: string;
    }
);

/** The lists an installed app gets in production; devDependencies is the one it does not. */
const PRODUCTION_LISTS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * For each package.json nearest to a file that imports `importSource` (each package of a monorepo on
 * its own), whether it lists that module's package where a production install will find it. Nothing for
 * an import source that is not a package: a relative path, `#subpath` import or absolute path is the
 * app's own. `files` are the texts as the run leaves them, so a file rewritten by an earlier run counts.
 */
export function findDependencyGaps(
  files: ReadonlyArray<{ readonly file: string; readonly text: string }>,
  importSource: string,
): DependencyGap[] {
  const dependency = packageNameOf(importSource);
  if (!dependency) return [];
  const importsIt = importsModule(importSource);
  const manifests = new Map<string, string | undefined>();
  const filesByManifest = new Map<string, string[]>();
  for (const { file } of files.filter(({ text }) => importsIt(text))) {
    const manifest = searchUpwards(path.dirname(file), manifests, (directory) => {
      const candidate = path.join(directory, 'package.json');
      return fs.existsSync(candidate) ? candidate : undefined;
    });
    if (manifest) filesByManifest.set(manifest, [...(filesByManifest.get(manifest) ?? []), file]);
  }
  const gaps: DependencyGap[] = [];
  for (const [manifest, importers] of filesByManifest) {
    const json = readManifest(manifest);
    if (typeof json === 'string') {
      gaps.push({ manifest, dependency, kind: 'unreadable', problem: json, files: importers });
      continue;
    }
    if (json.name === dependency) continue;
    const lists = (key: string) => (json[key] ?? {}) as object;
    if (PRODUCTION_LISTS.some((key) => dependency in lists(key))) continue;
    gaps.push({
      manifest,
      dependency,
      kind: dependency in lists('devDependencies') ? 'dev-only' : 'missing',
      files: importers,
    });
  }
  return gaps.sort((a, b) => a.manifest.localeCompare(b.manifest));
}

/** A package.json's fields, or why they cannot be read as npm reads them. */
function readManifest(manifest: string): Record<string, unknown> | string {
  let json: unknown;
  try {
    json = JSON.parse(withoutByteOrderMark(fs.readFileSync(manifest, 'utf8')));
  } catch (error) {
    return (error as Error).message;
  }
  if (!isObject(json)) return 'it is not an object';
  for (const key of [...PRODUCTION_LISTS, 'devDependencies'])
    if (json[key] !== undefined && !isObject(json[key])) return `its ${key} is not an object`;
  return json;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a file's text loads `module`: `from 'm'`, `import 'm'`, `import('m')`, `require('m')`, either
 * quote. A text test, so a file is never parsed for it; a type-only import counts too, as the type check
 * needs the package installed.
 */
function importsModule(module: string): (text: string) => boolean {
  const quoted = `(['"])${module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`;
  const pattern = new RegExp(`(?:\\bfrom|\\bimport|\\brequire\\s*\\()\\s*\\(?\\s*${quoted}`);
  return (text) => text.includes(module) && pattern.test(text);
}

/** `pg-boss-safe-create-queue`, `@scope/name` from `@scope/name/sub`; undefined for paths and `#imports`. */
function packageNameOf(importSource: string): string | undefined {
  if (/^[.#/]|^[a-z]+:/i.test(importSource) || path.isAbsolute(importSource)) return undefined;
  const parts = importSource.split('/');
  return importSource.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
