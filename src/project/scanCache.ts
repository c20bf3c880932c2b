import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';
import { readDependencyNames } from '../packageManifest';
import { isCurrentOnDisk } from './projectFiles';
import type { FirstScan } from './scanProject';

/**
 * Where a project's first scan is kept between processes, and what it must have been made by to be taken
 * up: this plugin's code and the packages it depends on, the same V8 (whose serialization format it is), the
 * same user and group (what a scan could read is theirs), for the same roots.
 */
export interface ScanCache {
  readonly file: string;
  readonly key: string;
}

/** What a cache file holds. */
interface Cached {
  readonly key: string;
  readonly first: FirstScan;
}

/** Bumped when what a cache file holds changes shape in a way its key would not tell. */
const FORMAT = 1;

/** The folder, under a project's `node_modules`, where tools keep caches (as Babel's and ESLint's loaders do). */
const CACHE_FOLDER = path.join('node_modules', '.cache', 'eslint-plugin-pg-boss');

/**
 * The largest cache file read: the scan of a tree of a million files is smaller. A file that is no regular
 * file (a pipe would block the read, a link to a device never end it) is not read either.
 */
const MOST_BYTES = 1024 * 1024 * 1024;

let code: string | undefined;

/**
 * The cache of the project under `roots`: a file in the `node_modules/.cache` of the nearest folder at or
 * above the first root that has a `node_modules` folder, one file per set of roots (a later scan of the same
 * roots replaces it). Undefined where no such folder exists: a cache never creates a `node_modules`.
 */
export function scanCacheFor(roots: readonly string[]): ScanCache | undefined {
  const home = folderWithNodeModules(roots[0]!);
  if (home === undefined) return undefined;
  code ??= codeIdentity();
  const name = createHash('sha256').update(JSON.stringify(roots)).digest('hex').slice(0, 32);
  return {
    file: path.join(home, CACHE_FOLDER, `${name}.bin`),
    key: JSON.stringify({
      format: FORMAT,
      v8: process.versions.v8,
      user: [process.getuid?.(), process.getgid?.()],
      code,
      roots,
    }),
  };
}

/**
 * The first scan kept in `cache`, when one was made with its key and nothing it read changed on disk since:
 * every file and folder it listed, read or looked for has the stamp the scan saw, and the same files are
 * listed again (isCurrentOnDisk). Undefined for anything else, a file that cannot be read or deserialized
 * included.
 */
export function readScanCache({ file, key }: ScanCache): FirstScan | undefined {
  try {
    const cached = v8.deserialize(readRegularFile(file)) as Cached;
    // A file of another shape under the right key (damaged, or written by hand) is no kept scan either.
    if (cached?.key !== key || !isKeptScan(cached.first) || !isCurrentOnDisk(cached.first.files)) return undefined;
    return cached.first;
  } catch {
    return undefined;
  }
}

/** Whether `first` has the parts that a lint reads of a kept scan, and of the kinds it reads them as. */
function isKeptScan(first: FirstScan | undefined): boolean {
  const files = first?.files;
  return (
    Array.isArray(first?.scan?.inventory?.problems) &&
    typeof first.scan.root === 'string' &&
    files?.stamps instanceof Map &&
    files.digests instanceof Map &&
    Array.isArray(files.watched) &&
    files.listing?.settings instanceof Map &&
    Array.isArray(files.listing.folders) &&
    Array.isArray(files.listing.files) &&
    Array.isArray(files.listing.paths) &&
    Array.isArray(files.listing.extensions)
  );
}

/**
 * Keeps `first` in `cache` for the next process, unless it read a linted file's unsaved text: written whole
 * under another name, then renamed over the cache, so no reader sees half a file. A cache that cannot be
 * written (a read-only tree) is no error: the next process scans again.
 */
export function writeScanCache({ file, key }: ScanCache, first: FirstScan): void {
  if (first.unsaved) return;
  const written = `${file}.${process.pid}-${threadId}`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(written, v8.serialize({ key, first } satisfies Cached));
    fs.renameSync(written, file);
  } catch {
    try {
      fs.rmSync(written, { force: true });
    } catch {
      // Nothing was written, or nothing can be: either way no cache.
    }
  }
}

/** `file`'s bytes, if it is a regular file of at most MOST_BYTES; opened without waiting for a pipe's writer. */
function readRegularFile(file: string): Buffer {
  const descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile() || stat.size > MOST_BYTES) throw new Error(`${file} is not a kept scan`);
    return fs.readFileSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}

function folderWithNodeModules(root: string): string | undefined {
  for (let folder = root; ; folder = path.dirname(folder)) {
    try {
      if (fs.statSync(path.join(folder, 'node_modules')).isDirectory()) return folder;
    } catch {
      // None here: look further up.
    }
    if (path.dirname(folder) === folder) return undefined;
  }
}

/**
 * This plugin's code as a cache key: each module file's path, times, size and inode (a build, an upgrade or
 * a patch of any of them changes one; the status change time, even a copy that keeps the modification time),
 * and the same of the entry module of each package it depends on or names as a peer (an install of the
 * package rewrites it; a patch of another of its modules goes unseen).
 */
function codeIdentity(): string {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]s$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.resolve(__dirname, '..'));
  for (const dependency of readDependencyNames()) {
    try {
      files.push(require.resolve(dependency));
    } catch {
      // Not installed (an optional peer): its absence is part of the key.
      files.push(dependency);
    }
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    hash.update(`${file}\0${stat?.mtimeMs}\0${stat?.ctimeMs}\0${stat?.size}\0${stat?.ino}\n`);
  }
  return hash.digest('hex');
}
