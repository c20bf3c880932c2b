import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../util/relativePath';

/** Directories never listed: a scan, and the folders a project watches for new files, stop at them. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);
/** A `/`-separated path below a skipped directory. */
const SKIPPED_DIRECTORY = /(?:^|\/)(?:node_modules|\.git)(?:\/|$)/;

/** A directory below a scanned root that could not be listed, and why; its files are not scanned. */
export interface UnreadableDirectory {
  readonly directory: string;
  readonly reason: string;
}

/**
 * What a listing sees of the disk on its way, handed to a caller that watches the tree for changes
 * (src/project/projectFiles.ts), so that it need not walk the folders and stat the files a second time. Each
 * part is told only to a caller that asks for it.
 */
export interface ListingWatch {
  /**
   * Each folder below a directory given, that directory too (links not followed, SKIPPED_DIRECTORIES
   * skipped), with its stat taken before it was read (undefined when it failed): a file added while the tree
   * is walked changes its times again. `entries` is undefined for a folder that could not be read. When
   * watched, the folders are walked before git is asked, and inside a git work tree for this alone (git's
   * list decides the files).
   */
  folder?(folder: string, stat: fs.Stats | undefined, entries: readonly fs.Dirent[] | undefined): void;
  /**
   * Each listed path that leads to a file, with its stat (links followed), taken when the list was made,
   * before anything reads the file. Told as each path is stat'ed, before the paths to one file are reduced to
   * one (onePathPerFile): holding every stat until then made a listing of 20,000 files peak tens of MiB higher.
   */
  file?(file: string, stat: fs.Stats): void;
  /**
   * Where git lists the files: the files of its own that decide the list besides the .gitignore files of the
   * tree, its index (which files are tracked: `git rm --cached`, `git add -f`) and its exclude file, absolute,
   * whether they exist or not; told before git lists.
   */
  gitFiles?(files: readonly string[]): void;
}

/** A folder the walk read, with its path relative to the walked root (`/`-separated, ending in `/`). */
interface WalkedFolder {
  readonly directory: string;
  readonly relative: string;
  readonly entries: readonly fs.Dirent[];
  /** Why the folder could not be read, when it could not. */
  readonly unreadable?: string;
}

/**
 * The files under `paths` with one of `extensions`, never below node_modules. For each directory given,
 * git decides what is ignored when that directory is inside a git work tree (every .gitignore, nested
 * ones too, wherever the command was started); elsewhere every file is taken. A file named explicitly
 * is taken even when ignored: the user asked for it.
 *
 * A file reached through several paths (a symbolic link to it, or a link to its directory) is taken
 * once, see onePathPerFile.
 *
 * A subdirectory that cannot be listed is passed to `onUnreadableDirectory` and the walk goes on;
 * without that callback it throws, as a missing path always does. `watch` is told what the listing saw.
 */
export function collectFiles(
  paths: readonly string[],
  extensions: ReadonlySet<string>,
  onUnreadableDirectory?: (problem: UnreadableDirectory) => void,
  watch?: ListingWatch,
): string[] {
  const report =
    onUnreadableDirectory ??
    (({ directory, reason }: UnreadableDirectory) => {
      throw new Error(`Cannot read directory ${directory}: ${reason}`);
    });
  const files = new Set<string>();
  for (const given of paths) {
    const stat = fs.statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new Error(`No such file or directory: ${given}`);
    // A pipe, socket or device named by the user is no source file, and dropping it unsaid would report a
    // scan of nothing as a clean one.
    if (!stat.isFile() && !stat.isDirectory()) throw new Error(`Not a file or directory: ${given}`);
    if (!stat.isDirectory()) {
      files.add(path.resolve(given));
      continue;
    }
    // Paths are joined as strings: path.join and path.relative on each of thousands of files cost more
    // than listing them.
    const root = path.resolve(given);
    const prefix = root.endsWith(path.sep) ? root : root + path.sep;
    // Watched, the folders are walked (and timed) before git lists the files: see ListingWatch.
    const walked = watch?.folder && walkFolders(root, watch);
    for (const relative of listWithGit(root, report, watch) ?? filesIn(walked ?? walkFolders(root), report)) {
      if (extensions.has(path.posix.extname(relative).slice(1)) && !SKIPPED_DIRECTORY.test(relative))
        files.add(prefix + (path.sep === '/' ? relative : relative.replaceAll('/', path.sep)));
    }
  }
  return onePathPerFile([...files].sort(), watch, throughPaths(paths));
}

/**
 * Keeps one path for each real file, so a file reached through a symbolic link too is read, rewritten
 * and counted once: its real path when that was collected, else that path as the paths given name it
 * (`named`: below a given folder that is itself a link, the file's own path there, not an alias beside it),
 * else the first of its paths. A path that does not lead to a file (a dangling link, a file deleted since git
 * listed it, a link to a pipe or a device) is dropped.
 *
 * One `stat` per path finds the paths that may share a file (same device and inode); only those are
 * resolved to real paths, which asks the system about every folder of the path. Where inodes say
 * nothing (a file system that gives every file the same number) all paths share one group and each is
 * resolved: slower, never wrong.
 */
function onePathPerFile(
  sorted: readonly string[],
  watch: ListingWatch | undefined,
  named: (real: string) => string,
): string[] {
  const byIdentity = new Map<string, string[]>();
  for (const file of sorted) {
    const stat = statOf(file);
    // A pipe, socket or device is no source file (reading a pipe waits for a writer); a folder reached by a
    // link named like a file is kept, and reported as the path that cannot be read that it is.
    if (!stat || !(stat.isFile() || stat.isDirectory())) continue;
    watch?.file?.(file, stat);
    const identity = `${stat.dev}:${stat.ino}`;
    const paths = byIdentity.get(identity);
    if (paths) paths.push(file);
    else byIdentity.set(identity, [file]);
  }
  const kept: string[] = [];
  for (const paths of byIdentity.values()) {
    if (paths.length === 1) {
      kept.push(paths[0]!);
      continue;
    }
    const byRealPath = new Map<string, { file: string; rank: number }>();
    for (const file of paths) {
      const real = realPath(file);
      if (real === undefined) continue;
      // The real path itself first, then that path as the given paths name it, then the first path.
      const rank = file === real ? 0 : file === named(real) ? 1 : 2;
      if (rank < (byRealPath.get(real)?.rank ?? 3)) byRealPath.set(real, { file, rank });
    }
    for (const { file } of byRealPath.values()) kept.push(file);
  }
  return kept.sort();
}

/**
 * A real path as `paths` name it: below a given path that leads elsewhere through a link (a project
 * opened through a linked folder), by that path; elsewhere the real path itself. A given path that is not
 * itself a link names first: in a project opened through a link, a linked folder inside it (`shared` for
 * `src/shared`) given too would otherwise name files ESLint lints by their path through `src`.
 */
function throughPaths(paths: readonly string[]): (real: string) => string {
  const given = paths
    .map((each) => {
      const resolved = path.resolve(each);
      const isLink = fs.lstatSync(resolved, IF_ANY)?.isSymbolicLink() ?? false;
      return { resolved, real: realPath(resolved) ?? resolved, isLink };
    })
    .sort((a, b) => Number(a.isLink) - Number(b.isLink));
  return (real) => {
    for (const { resolved, real: realOfGiven } of given)
      if (isInside(realOfGiven, real)) return path.join(resolved, path.relative(realOfGiven, real));
    return real;
  };
}

/** One options object for every stat: a listing makes one per file, a refresh hundreds. */
const IF_ANY = { throwIfNoEntry: false } as const;

/**
 * What a path leads to, following links; undefined when it leads nowhere: missing, or a stat that fails
 * otherwise (a loop of links, a folder on the way that may not be searched, a file on the way, a path too
 * long). Such a path is absent to the listing and to a project's stamps alike, never a thrown lint.
 */
export function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, IF_ANY);
  } catch {
    return undefined;
  }
}

/**
 * One system call per file where the JavaScript `realpathSync` stats every folder of the path; that one
 * is asked only when the system's fails (it can on some Windows drives).
 */
function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    try {
      return fs.realpathSync(file);
    } catch {
      return undefined;
    }
  }
}

/**
 * How long git may take to list a tree in this thread, when bounded: a thread blocked in git cannot be
 * stopped, and a process does not end before its threads do (src/project/scanWorker.ts bounds its own).
 */
let gitBoundMs: number | undefined;

/** Thrown where git took longer than `boundGitListing` allows: no listing, rather than another one. */
export class GitListingTooSlowError extends Error {}

/**
 * Bounds each git listing made in this thread from now on to `ms` (undefined: no bound, as at first): one
 * that takes longer is stopped and throws GitListingTooSlowError, where walking the folders instead would
 * list other files than git would.
 */
export function boundGitListing(ms: number | undefined): void {
  gitBoundMs = ms;
}

/**
 * Tracked and untracked files below `root` that no .gitignore excludes, `/`-separated and relative to
 * `root`, or undefined when `root` is not in a git work tree (or git is missing). Git runs in `root`
 * itself, so its answer does not depend on where the command was started; the directories it could not
 * open are reported from its warnings, which name them from the top of the work tree. `watch` is told
 * where git keeps its index and exclude file (ListingWatch.gitFiles).
 */
function listWithGit(
  root: string,
  report: (problem: UnreadableDirectory) => void,
  watch: ListingWatch | undefined,
): string[] | undefined {
  const git = (args: readonly string[]) => {
    let run;
    try {
      run = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: gitBoundMs });
    } catch {
      // Node's permission model without --allow-child-process throws: the folders are walked, as without git.
      return undefined;
    }
    if (gitBoundMs !== undefined && (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT')
      throw new GitListingTooSlowError(`git took longer than ${gitBoundMs} ms to list ${root}`);
    return run;
  };
  if (watch?.gitFiles) {
    // Asked first, so that their stamps predate the list. A linked work tree keeps its index apart and shares
    // the exclude file: git names both.
    const own = git(['rev-parse', '--git-path', 'index', '--git-path', 'info/exclude']);
    // Git names them from its own working directory, the real one: a root opened through a link is not it.
    const from = realPath(root) ?? root;
    if (own?.status === 0)
      watch.gitFiles(
        own.stdout
          .split('\n')
          .filter(Boolean)
          .map((file) => path.resolve(from, file)),
      );
  }
  const listed = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.']);
  if (listed?.status !== 0) return undefined;
  const unreadable = [...listed.stderr.matchAll(/could not open directory '(.+?)': (.+)$/gm)];
  if (unreadable.length > 0) {
    const top = git(['rev-parse', '--show-toplevel'])?.stdout.trim() ?? root;
    for (const [, directory, reason] of unreadable) report({ directory: path.join(top, directory!), reason: reason! });
  }
  return listed.stdout.split('\0').filter(Boolean);
}

/**
 * Whether the listing of `root` (collectFiles) would take `file`, a file not written yet judged as if it were
 * (an editor's new file): where git decides there, when `file` is in the same work tree (not in a
 * submodule or a repository nested in it, which git does not list) and not ignored, asked from `root` as the
 * listing asks; where git does not decide (no work tree, no git), always.
 */
export function wouldListNewFile(root: string, file: string): boolean {
  const topOf = (folder: string) => {
    try {
      const run = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: folder, encoding: 'utf8' });
      return run.status === 0 ? run.stdout.trim() : undefined;
    } catch {
      // Node's permission model without --allow-child-process throws: no git, as for a listing.
      return undefined;
    }
  };
  const top = topOf(root);
  if (top === undefined) return true;
  // The file's folder may not exist yet either: the nearest one that does tells its work tree.
  let folder = path.dirname(file);
  while (!statOf(folder)?.isDirectory() && path.dirname(folder) !== folder) folder = path.dirname(folder);
  if (topOf(folder) !== top) return false;
  // A path git tracks is listed whatever its ignore files say, and check-ignore says so too.
  const ignored = spawnSync('git', ['check-ignore', '--quiet', '--', path.relative(root, file)], { cwd: root });
  return ignored.status !== 0;
}

/**
 * Every folder from `root` down, in the order a depth-first walk reads them (links not followed,
 * SKIPPED_DIRECTORIES skipped). With `watch`, each folder's stat is taken before it is read.
 */
function walkFolders(root: string, watch?: ListingWatch): WalkedFolder[] {
  const walked: WalkedFolder[] = [];
  const visit = (directory: string, relative: string) => {
    const stat = watch?.folder && statOf(directory);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      watch?.folder?.(directory, stat, undefined);
      walked.push({ directory, relative, entries: [], unreadable: (error as Error).message });
      return;
    }
    watch?.folder?.(directory, stat, entries);
    walked.push({ directory, relative, entries });
    for (const entry of entries)
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name))
        visit(path.join(directory, entry.name), `${relative}${entry.name}/`);
  };
  visit(root, '');
  return walked;
}

/** The files of the walked folders, `/`-separated and relative to the walked root; unreadable folders reported. */
function filesIn(walked: readonly WalkedFolder[], report: (problem: UnreadableDirectory) => void): string[] {
  const found: string[] = [];
  for (const { directory, relative, entries, unreadable } of walked) {
    if (unreadable !== undefined) report({ directory, reason: unreadable });
    for (const entry of entries) {
      // A linked file is taken as git lists it; a linked directory is not followed, so a cycle cannot loop.
      if (!SKIPPED_DIRECTORIES.has(entry.name) && (entry.isFile() || entry.isSymbolicLink()))
        found.push(relative + entry.name);
    }
  }
  return found;
}
