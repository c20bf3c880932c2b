import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';
import { GitListingTooSlowError } from '../files/collectFiles';
import type { QueueScan } from '../inventory/scanQueues';
import { readDependencyNames } from '../packageManifest';
import { currentOnDisk } from './projectFiles';
import { scanCacheFolder } from './scanCacheFolder';
import type { FirstScan } from './scanProject';

/**
 * Where a project's first scan is kept between processes, and what it must have been made by to be taken
 * up: this plugin's code and the packages it depends on, the same V8 (whose serialization format it is), the
 * same user, groups and capabilities (what a scan could read is theirs), for the same roots, scanned the same way.
 */
export interface ScanCache {
  readonly file: string;
  readonly key: string;
}

/** How a scan was asked for besides its roots: what the project rules ask, or `pg-boss-queues`'s options. */
export interface ScannedAs {
  /** The extensions of the source files it read. */
  readonly extensions: ReadonlySet<string>;
  /** Whether it judged test code like production code. */
  readonly includeTests: boolean;
}

/** What a cache file holds. */
interface Cached {
  readonly key: string;
  readonly first: FirstScan;
}

/** Bumped when what a cache file holds changes shape in a way its key would not tell. */
const FORMAT = 2;

/**
 * The largest cache file read: the scan of a tree of a million files is smaller. A file that is no regular
 * file (a pipe would block the read, a link to a device never end it) is not read either.
 */
const MOST_BYTES = 1024 * 1024 * 1024;

let code: string | undefined;

/** The cache of the project under `roots` (cacheFileFor), for a scan asked for as `scannedAs`. */
export function scanCacheFor(roots: readonly string[], scannedAs: ScannedAs): ScanCache | undefined {
  const file = cacheFileFor(roots);
  return file === undefined ? undefined : { file, key: cacheKey(roots, scannedAs) };
}

/**
 * The scan an earlier process kept for `roots`, asked for as `scannedAs`, when nothing it read changed since
 * (readScanCache): what `pg-boss-queues` takes up after a lint with the project rules. Where no scan is kept,
 * the key, a look at every module of this plugin, is not made.
 */
export function keptScanFor(roots: readonly string[], scannedAs: ScannedAs): QueueScan | undefined {
  const file = cacheFileFor(roots);
  if (file === undefined || !fs.existsSync(file)) return undefined;
  return readScanCache({ file, key: cacheKey(roots, scannedAs) })?.scan;
}

/**
 * Where the scan of `roots` is kept, if it can be (scanCacheFolder): one file per set of roots, Node (its V8)
 * and user, which a later scan of the same replaces. An editor's ESLint server often runs on the editor's own
 * Node while `eslint .` in a terminal runs on the system's: in one file, each would replace the other's scan,
 * which the other cannot take up, and every process would scan the tree again.
 */
export function cacheFileFor(roots: readonly string[]): string | undefined {
  const folder = scanCacheFolder(roots);
  if (folder === undefined) return undefined;
  const name = createHash('sha256')
    .update(JSON.stringify([roots, ...madeBy()]))
    .digest('hex')
    .slice(0, 32);
  return path.join(folder, `${name}.bin`);
}

/**
 * What a scan kept for another V8 or user is of no use to: its format, and what the user could read, which the
 * effective user, every group it is in (a file readable by a group one process was in and the next not) and
 * its capabilities to read past permissions decide.
 */
function madeBy() {
  const groups = process.getgroups?.().sort((a, b) => a - b);
  return [process.versions.v8, process.geteuid?.(), process.getegid?.(), groups, readsPastPermissions()] as const;
}

/**
 * Which of Linux's capabilities to read past file permissions the process holds, CAP_DAC_OVERRIDE (bit 1)
 * and CAP_DAC_READ_SEARCH (bit 2) of its effective set: root's, unless its container or `setpriv` dropped
 * them. Undefined where /proc does not tell (other systems).
 */
function readsPastPermissions(): number | undefined {
  try {
    const effective = /^CapEff:\s*([0-9a-f]+)$/m.exec(fs.readFileSync('/proc/self/status', 'latin1'))?.[1];
    return effective === undefined ? undefined : Number.parseInt(effective.slice(-1), 16) & 0b110;
  } catch {
    return undefined;
  }
}

function cacheKey(roots: readonly string[], { extensions, includeTests }: ScannedAs): string {
  code ??= codeIdentity();
  return JSON.stringify({
    format: FORMAT,
    madeBy: madeBy(),
    code,
    roots,
    extensions: [...extensions].sort(),
    includeTests,
  });
}

/**
 * The first scan kept in `cache`, when one was made with its key and nothing it read changed on disk since:
 * every file and folder it listed, read or looked for has the stamp the scan saw, and the same files are
 * listed again (currentOnDisk). Undefined for anything else, a file that cannot be read or deserialized
 * included. `onProgress` is called as each file is checked.
 */
export function readScanCache({ file, key }: ScanCache, onProgress?: () => void): FirstScan | undefined {
  try {
    const cached = v8.deserialize(checkedPayload(readRegularFile(file))) as Cached;
    // A file of another shape under the right key (damaged, or written by hand) is no kept scan either.
    if (cached?.key !== key || !isKeptScan(cached.first)) return undefined;
    const files = currentOnDisk(cached.first.files, onProgress);
    return files && { ...cached.first, files };
  } catch (error) {
    // A listing stopped for taking too long (boundGitListing) says nothing of the kept scan.
    if (error instanceof GitListingTooSlowError) throw error;
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
    files.listing.gitFiles instanceof Map &&
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
    const payload = v8.serialize({ key, first } satisfies Cached);
    fs.writeFileSync(written, Buffer.concat([digestOf(payload), payload]));
    fs.renameSync(written, file);
    removeAbandoned(file);
  } catch {
    try {
      fs.rmSync(written, { force: true });
    } catch {
      // Nothing was written, or nothing can be: either way no cache.
    }
  }
}

/**
 * How old a file written beside `file` under another name must be to be one whose writer ended before renaming
 * it (a process that exits stops its worker threads wherever they are, and a scan started ahead of any lint
 * may be writing then): no writer takes that long.
 */
const ABANDONED_MS = 10 * 60 * 1000;

/** Removes what writers that ended before renaming left beside `file` (`writeScanCache`'s other names). */
function removeAbandoned(file: string): void {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const before = Date.now() - ABANDONED_MS;
  for (const name of fs.readdirSync(folder)) {
    if (!name.startsWith(prefix)) continue;
    const written = path.join(folder, name);
    if ((fs.statSync(written, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < before)
      fs.rmSync(written, { force: true });
  }
}

/**
 * The bytes a cache file holds after their digest, which a file damaged where its shape survives (a byte of
 * a queue's name changed) fails: taken up, it would report by a scan no file holds. About 1 ms for the bench
 * corpus's 0.9 MB.
 */
function checkedPayload(bytes: Buffer): Buffer {
  const payload = bytes.subarray(DIGEST_BYTES);
  if (bytes.length < DIGEST_BYTES || !digestOf(payload).equals(bytes.subarray(0, DIGEST_BYTES)))
    throw new Error('a damaged kept scan');
  return payload;
}

const DIGEST_BYTES = 32;

function digestOf(payload: Buffer): Buffer {
  return createHash('sha256').update(payload).digest();
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
