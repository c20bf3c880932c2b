import path from 'node:path';
import { wouldListNewFile } from '../files/collectFiles';
import type { FileSource } from '../inventory/fileSource';
import { scanQueues, type QueueScan } from '../inventory/scanQueues';
import { DiskLook } from '../util/diskLook';
import { isInside } from '../util/relativePath';
import { currentOnDisk, ProjectFiles, type ProjectFilesState } from './projectFiles';
import { isLarge, listProject, SCANNED_AS } from './projectListing';
import { readScanCache, scanCacheFor, writeScanCache, type ScanCache } from './scanCache';
import { startScanWorker, type ScanWorker } from './scanOnWorker';

/** A project's first scan as a worker thread hands it over (src/project/scanOnWorker.ts). */
export interface FirstScan {
  readonly scan: QueueScan;
  readonly files: ProjectFilesState;
  /** Whether the linted text differed from the file's on disk (the scan read ESLint's). */
  readonly unsaved: boolean;
}

/** The file being linted, with the text ESLint has for it: unsaved edits in an editor included. */
export interface LintedFile {
  readonly file: string;
  readonly text: string;
}

interface Project {
  readonly files: ProjectFiles;
  /** When the kept files are looked at on disk again (a look stats every watched file and listed folder). */
  readonly looks: DiskLook;
  last?: { readonly generation: number; readonly unsaved: LintedFile | undefined; readonly scan: QueueScan };
}

/** One per set of roots, for the life of the process (each ESLint worker thread has its own). */
const projects = new Map<string, Project>();

/** Each roots array's key in `projects`: a whole-tree lint hands every file's lint the same array (src/project/projectRoots.ts). */
const keys = new WeakMap<readonly string[], string>();

function keyOf(roots: readonly string[]): string {
  let key = keys.get(roots);
  if (key === undefined) keys.set(roots, (key = JSON.stringify(roots)));
  return key;
}

/** A project's first scan, started on a worker before any lint asked for it (startScanAhead). */
interface ScanAhead {
  readonly key: string;
  readonly worker: ScanWorker;
  /** The look at the disk the scan stands for, from when it started. */
  readonly looks: DiskLook;
}

/** The one scan started ahead in this process, until the first lint takes it up or stops it. */
let ahead: ScanAhead | undefined | null;

/**
 * Starts the first scan of the project under `roots` on a worker thread before any lint asks for it: the
 * worker takes up the scan an earlier process kept if it is still current, or lists the project and scans
 * it (scanWorker.ts), while ESLint is still loading, finding, reading and parsing the files ahead of its
 * first lint (on the bench corpus, 200 to 500 ms in which the scan's thread would be idle). Once per process; the
 * first lint takes it up if it is of that lint's project and stops it otherwise. Its look at the disk
 * starts with it: DiskLook's window runs from then, as from any look. Never throws: what failed here fails
 * again, and is reported, at the first lint.
 */
export function startScanAhead(roots: readonly string[]): void {
  if (ahead !== undefined) return;
  ahead = null;
  try {
    const key = keyOf(roots);
    if (projects.has(key)) return;
    const looks = new DiskLook();
    looks.looked();
    const worker = startScanWorker(roots, undefined, scanCacheFor(roots, SCANNED_AS), true);
    if (worker) ahead = { key, worker, looks };
  } catch {
    // The first lint scans as if none had started, and reports what it meets.
  }
}

/**
 * The project of `key` from the scan started ahead, taken up, or undefined when none was started for it
 * (one started for another project is stopped: a lint has asked for its own), it gave none, it is not done
 * with a small project or one it has not listed yet, or it is past DiskLook's window and something it read
 * changed since.
 */
function takeScanAhead(key: string, lintedFile: string): Project | undefined {
  const started = ahead;
  ahead = null;
  if (!started) return undefined;
  const { worker } = started;
  // A small project's scan, or one whose project the worker has not listed yet, is made sooner by the lint.
  if (started.key !== key || !worker.worthWaitingFor()) {
    worker.cancel();
    return undefined;
  }
  const first = worker.wait();
  if (!first) return undefined;
  // Within the window its look stands, as any look does. Past it, the scan is as old as one another process
  // kept, and is checked whole as that is: a refresh sees only the files read whole, and the files only
  // searched may have been edited in place since.
  if (started.looks.isRecent()) return takeUp(key, first, undefined, started.looks);
  const files = currentOnDisk(first.files);
  return files ? takeUp(key, { ...first, files }, undefined, lookedAtNow(lintedFile)) : undefined;
}

/**
 * The inventory of the project under `roots`, up to date with the disk as DiskLook bounds it (a re-lint
 * always looks, a first lint within a second of the last look reuses it) and always with the linted file's
 * text. Files are read and parsed once and again only when they change (ProjectFiles); the scan itself is
 * reused while nothing changed, which is every file of a whole-tree `eslint .` but the first.
 */
export function scanProject(roots: readonly string[], linted: LintedFile): QueueScan {
  const key = keyOf(roots);
  const project = projects.get(key) ?? takeScanAhead(key, linted.file);
  if (project) return scanAgain(project, roots, linted);
  // A scan an earlier process kept, if nothing it read changed since: the tree is neither read nor parsed.
  const cache = scanCacheFor(roots, SCANNED_AS);
  const cached = cache && readScanCache(cache);
  if (cached) {
    const taken = takeUp(key, cached, undefined, lookedAtNow(linted.file));
    // Its texts were the disk's: a linted text that is not (an editor's unsaved edits) is scanned anew.
    return taken.files.matchesHandedOverText(linted.file, linted.text) ? cached.scan : scanAgain(taken, roots, linted);
  }
  // A project's first scan reads the whole tree. A large one is read on a worker thread, whose objects never
  // grow this thread's young generation, which would slow ESLint's parse of every later file; a small one
  // here, where its objects are too few to matter and a worker would cost more than the scan
  // (docs/performance.md §7). The worker starts while the project is listed, in case it is large.
  const worker = startScanWorker(roots, linted, cache);
  const files = new ProjectFiles();
  let first: FirstScan | undefined;
  try {
    const listed = listProject(roots, files).toState();
    if (isLarge(listed)) first = worker?.scan(listed);
  } finally {
    // A worker that hands no scan back is stopped (a small project, a listing that threw, a scan that failed):
    // an editor's server would otherwise keep a thread waiting for each.
    if (!first) worker?.cancel();
  }
  if (!first) {
    const here: Project = { files, looks: new DiskLook() };
    projects.set(key, here);
    const scan = scanAgain(here, roots, linted);
    if (cache) writeScanCache(cache, firstScanOf(here, scan));
    return scan;
  }
  takeUp(key, first, first.unsaved ? linted : undefined, lookedAtNow(linted.file));
  return first.scan;
}

/** The looks of a project whose stamps the lint of `lintedFile` took, or checked, just now. */
function lookedAtNow(lintedFile: string): DiskLook {
  const looks = new DiskLook();
  looks.due(lintedFile);
  return looks;
}

/**
 * A first scan made elsewhere (a worker thread, an earlier process) as the project of `key`, with the
 * unsaved text it read, if any, and the look at the disk its stamps stand for.
 */
function takeUp(key: string, first: FirstScan, unsaved: LintedFile | undefined, looks: DiskLook): Project {
  const files = ProjectFiles.fromState(first.files);
  const project: Project = { files, looks, last: { generation: files.generation, unsaved, scan: first.scan } };
  projects.set(key, project);
  return project;
}

/**
 * A project's first scan, whole, as a worker thread makes it of the `files` the lint listed: the scan and what
 * its files hold but their texts, kept in `cache` for the next process when given.
 */
export function firstScan(
  roots: readonly string[],
  linted: LintedFile | undefined,
  files: ProjectFiles,
  cache?: ScanCache,
): FirstScan {
  const project: Project = { files, looks: new DiskLook() };
  const scan = linted ? scanAgain(project, roots, linted) : scanFiles(roots, files);
  const first = firstScanOf(project, scan);
  if (cache) writeScanCache(cache, first);
  return first;
}

/** `project`'s first scan, `scan`, as it is handed over or kept: its files' state without their texts. */
function firstScanOf(project: Project, scan: QueueScan): FirstScan {
  return { scan, files: project.files.toState(), unsaved: project.last?.unsaved !== undefined };
}

/**
 * The project's scan for this lint: the last one while nothing it read changed, on disk (looked at as
 * DiskLook bounds it) or in the linted text, else a new one.
 */
function scanAgain(project: Project, roots: readonly string[], linted: LintedFile): QueueScan {
  const { files } = project;
  if (project.looks.due(linted.file) || files.isNewSinceLastLook(linted.file)) files.refresh(linted.file);
  // A project whose first scan a worker made holds no texts: the linted one is told from what the scan read
  // by its digest (the disk may hold a newer text than the scan read, which is no less a change).
  const handedOver = files.matchesHandedOverText(linted.file, linted.text);
  const saved = handedOver ? linted.text : savedText(files, linted.file);
  const unsaved = handedOver === false || saved !== linted.text ? linted : undefined;
  // A file edited in the editor is watched from now on, so its saved text reaches the lints of other files.
  // One whose text is what the scan read stays unwatched: a whole-tree lint would otherwise stat every file
  // before the lint of each.
  if (unsaved && saved !== undefined) files.read(linted.file);
  const last = project.last;
  if (
    last &&
    last.generation === files.generation &&
    last.unsaved?.file === unsaved?.file &&
    last.unsaved?.text === unsaved?.text
  )
    return last.scan;
  // A project scanned again is one that changes while it is linted: from now on its parses are worth keeping.
  if (last) files.keepParses = true;
  const scan = scanFiles(roots, unsaved ? withUnsavedText(files, unsaved, saved === undefined ? roots : []) : files);
  project.last = { generation: files.generation, unsaved, scan };
  return scan;
}

/** The inventory of the project under `roots` as `fileSource` lists, reads and parses it. */
function scanFiles(roots: readonly string[], fileSource: FileSource): QueueScan {
  return scanQueues(roots, SCANNED_AS.extensions, { includeTests: SCANNED_AS.includeTests, fileSource });
}

/** The linted file's text as the scan reads it from disk, or undefined for a new file the editor has not saved yet. */
function savedText(files: ProjectFiles, file: string): string | undefined {
  try {
    return files.peek(file);
  } catch {
    return undefined;
  }
}

/**
 * The project's files with `unsaved` read from the editor instead of the disk. A new file under
 * `newFileRoots` joins the list as if it were saved: unless git would leave it out then (wouldListNewFile), as a
 * file on disk that the list leaves out stays out, as for `pg-boss-queues`.
 */
function withUnsavedText(files: ProjectFiles, unsaved: LintedFile, newFileRoots: readonly string[]): FileSource {
  const isUnsaved = (file: string) => file === unsaved.file;
  return {
    list(paths, extensions, onUnreadableDirectory) {
      const listed = files.list(paths, extensions, onUnreadableDirectory);
      const joins =
        !listed.includes(unsaved.file) &&
        extensions.has(path.extname(unsaved.file).slice(1)) &&
        newFileRoots.some((root) => isInside(root, unsaved.file) && wouldListNewFile(root, unsaved.file));
      return joins ? [...listed, unsaved.file].sort() : listed;
    },
    read: (file) => (isUnsaved(file) ? unsaved.text : files.read(file)),
    peek: (file) => (isUnsaved(file) ? unsaved.text : files.peek(file)),
    parse: (file, text) => files.parse(file, text),
    lookedAt: (file) => files.lookedAt(file),
  };
}
