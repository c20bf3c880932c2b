import fs from 'node:fs';
import path from 'node:path';
import { searchUpwards } from '../util/searchUpwards';

/** A package whose rewritten files import a module its package.json does not list for production. */
export interface DependencyGap {
  /** The package.json nearest to the files. */
  readonly manifest: string;
  /** The package the rewritten files import: `pg-boss-safe-create-queue`. */
  readonly dependency: string;
  /** `missing`: in no dependency list; `dev-only`: only in devDependencies, so `npm ci --omit=dev` leaves it out. */
  readonly kind: 'missing' | 'dev-only';
  readonly files: readonly string[];
}

/** The lists an installed app gets in production; devDependencies is the one it does not. */
const PRODUCTION_LISTS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * For each package.json nearest to a changed file (each package of a monorepo on its own), whether it
 * lists the package of `importSource` where a production install will find it. Nothing for an import
 * source that is not a package: a relative path, `#subpath` import or absolute path is the app's own.
 */
export function findDependencyGaps(changedFiles: readonly string[], importSource: string): DependencyGap[] {
  const dependency = packageNameOf(importSource);
  if (!dependency) return [];
  const manifests = new Map<string, string | undefined>();
  const filesByManifest = new Map<string, string[]>();
  for (const file of changedFiles) {
    const manifest = searchUpwards(path.dirname(file), manifests, (directory) => {
      const candidate = path.join(directory, 'package.json');
      return fs.existsSync(candidate) ? candidate : undefined;
    });
    if (manifest) filesByManifest.set(manifest, [...(filesByManifest.get(manifest) ?? []), file]);
  }
  const gaps: DependencyGap[] = [];
  for (const [manifest, files] of filesByManifest) {
    const json = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    if (json.name === dependency) continue;
    const lists = (key: string) => (json[key] ?? {}) as Record<string, unknown>;
    if (PRODUCTION_LISTS.some((key) => dependency in lists(key))) continue;
    gaps.push({ manifest, dependency, kind: dependency in lists('devDependencies') ? 'dev-only' : 'missing', files });
  }
  return gaps.sort((a, b) => a.manifest.localeCompare(b.manifest));
}

/** `pg-boss-safe-create-queue`, `@scope/name` from `@scope/name/sub`; undefined for paths and `#imports`. */
function packageNameOf(importSource: string): string | undefined {
  if (/^[.#/]|^[a-z]+:/i.test(importSource) || path.isAbsolute(importSource)) return undefined;
  const parts = importSource.split('/');
  return importSource.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
