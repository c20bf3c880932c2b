import { createHash, hash } from 'node:crypto';
import type fs from 'node:fs';
import path from 'node:path';
import { collectFiles, statOf, type UnreadableDirectory } from '../files/collectFiles';
import { forgetPgBossRanges } from '../inventory/createsQueuesImplicitly';
import { diskFileSource, type FileSource } from '../inventory/fileSource';
import type { SourceFile } from '../util/sourceFile';

/** What is kept of a file while its modification time and size stay what they were when it was read. */
interface KeptFile {
  readonly stamp: Stamp;
  /**
   * Kept when the scan read the file whole (one that can hold a queue call, a module names are imported
   * from, a linted file whose unsaved text differed): the files whose changes can change the inventory.
   */
  text?: string;
  /** The text the scan searched for wrappers' names: kept, not watched (see the class). */
  searched?: string;
  parsed?: SourceFile;
  /**
   * The digest of the text another thread's scan read (`fromState`): the text stays there, and a lint whose
   * text has this digest is known to be the saved file without reading it.
   */
  digest?: string;
}

interface Listing {
  readonly key: string;
  /** What was listed (`list`'s arguments), so that a kept scan can list it again (currentOnDisk). */
  readonly paths: readonly string[];
  readonly extensions: readonly string[];
  /** When, by the wall clock that file times follow (currentOnDisk). */
  readonly listedAt: number;
  readonly files: readonly string[];
  /**
   * Every folder below the listed roots, and every folder holding a listed file up to them, with its stamp
   * when listed; a root that is a file, with its own.
   */
  readonly folders: readonly ListedFolder[];
  /**
   * The settings files (SETTINGS_FILES) whose edits change a scan, with their stamps when listed, since they are
   * edited in place: those present in the listed folders (one created there changes its folder), and
   * those of every folder above the roots, present or not (those folders are not watched); then the
   * files and folders the scan looked at besides (lookedAt): the configs a tsconfig.json extends, the folders
   * an imported module was looked for in, with their stamps when the scan looked.
   */
  readonly settings: Map<string, Stamp>;
  /**
   * Where git listed the files, its index and exclude file (ListingWatch.gitFiles) with their stamps when
   * listed: a refresh lists again when one changed (`git rm --cached`, an exclude written), and scans again
   * only when the files listed differ. A kept scan's check lists again anyway (currentOnDisk).
   */
  readonly gitFiles: ReadonlyMap<string, Stamp>;
}

interface ListedFolder {
  readonly folder: string;
  readonly stamp: Stamp;
}

/**
 * A file's or folder's times, size and inode when it was read: `MISSING` for none, so its return is a change
 * too. The status change time moves with every write as the modification time does, and also where that one
 * does not: a file or folder whose permissions changed (one that could not be read now can), a file
 * replaced by a rename with another of the same size and time, a modification time set back. The inode tells
 * apart two files a path may lead to (a link retargeted to another copy made in the same millisecond).
 */
interface Stamp {
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly size: number;
  readonly ino: number;
}

const MISSING: Stamp = { mtimeMs: -1, ctimeMs: -1, size: -1, ino: -1 };

/** The stamp of a folder the listing could not read: equal to no stamp, so the listing is never current. */
const NOT_READ: Stamp = { mtimeMs: Number.NaN, ctimeMs: Number.NaN, size: Number.NaN, ino: Number.NaN };

/**
 * How long after a file's modification its stamp cannot tell a later write of the same size, on a file
 * system that keeps times to the second (two on FAT), which gives both writes one time. git calls such
 * entries racy and compares their content; so does currentOnDisk (isRacy).
 */
const RACY_MS = 2000;

/**
 * What a ProjectFiles made on another thread hands over (src/project/scanOnWorker.ts): the listing and each
 * kept file's stamp, which a refresh compares, and which files it watches. Texts and parses stay behind:
 * a later lint reads again what it needs, so the heap that read the tree is not the lint's.
 */
export interface ProjectFilesState {
  readonly listing: Listing | undefined;
  readonly stamps: ReadonlyMap<string, Stamp>;
  /** The digest of each text the scan read (`digestOf`). */
  readonly digests: ReadonlyMap<string, string>;
  readonly watched: readonly string[];
  readonly generation: number;
}

/**
 * The files besides the listed ones whose edits change a scan: a package.json's pg-boss range decides
 * whether code creates its queues on use (src/inventory/createsQueuesImplicitly.ts) and its name and entry
 * resolve imports of the package, a tsconfig.json's paths resolve aliased imports, a .gitignore decides
 * which files git lists. The configs a tsconfig.json extends have other names and may lie anywhere: the
 * scan names them (lookedAt).
 */
const SETTINGS_FILES: readonly string[] = ['package.json', 'tsconfig.json', '.gitignore'];
const isSettingsFile = (name: string) => SETTINGS_FILES.includes(name);

/**
 * A project's files kept between scans in a long-lived process (the editor's ESLint server lints many
 * times in one): the list, each file's text check, text and parse. `refresh()`, before a lint
 * that looks at the disk again (src/util/diskLook.ts), drops what changed on disk, and only that: a file
 * is read again when its modification time or size changed, and the files are listed again when a
 * folder's did (a file added, deleted or renamed in it) or a settings file's stamp did.
 *
 * Only the files the scan reads whole (those that can hold a queue call, the modules names are imported
 * from), those it could not read and the file being linted are looked at on every refresh: statting every
 * file of a large tree would cost more than the lint. The other files' texts, searched for the names of
 * wrappers, are read again when the file is linted or when its folder changes (git and most editors replace
 * a file rather than write it in place); one that another program edits in place to call a wrapper is seen
 * once either happens.
 */
export class ProjectFiles implements FileSource {
  private listing: Listing | undefined;
  private readonly kept = new Map<string, KeptFile>();
  /**
   * The kept files read whole, those a refresh looks at every time. Their own list: a refresh walks only
   * these, and walking every kept file to find them made a whole-tree lint that refreshed before each
   * of its files grow with the square of the tree.
   */
  private readonly watched = new Set<string>();
  /**
   * When the disk was last looked at here, by a refresh, by the wall clock file times follow; before any, the
   * listing's time (`isNewSinceLastLook`).
   */
  private refreshedAt: number | undefined;
  /** Counts the refreshes that found a change: a scan made in the same generation still holds. */
  generation = 0;
  /**
   * Whether parses are kept for the next scan. Not until a second scan is needed: a whole-tree `eslint .`
   * scans once, and holding the trees of every matching file then only costs garbage collection in the
   * lint of every other file (as pg-boss-queues found, src/inventory/projectModules.ts); an editor session
   * re-scans on every change, and there a kept parse spares parsing the file again.
   */
  keepParses = false;

  /**
   * `onProgress`: called as each file is listed, read or parsed (a worker's sign of life,
   * src/project/scanOnWorker.ts).
   */
  constructor(private readonly onProgress?: () => void) {}

  /** This project's listing and stamps, to be taken up on another thread (`fromState`). */
  toState(): ProjectFilesState {
    return {
      listing: this.listing,
      stamps: new Map(Array.from(this.kept, ([file, { stamp }]) => [file, stamp])),
      digests: new Map(
        Array.from(this.kept).flatMap(([file, kept]) => {
          const text = kept.text ?? kept.searched;
          return text === undefined ? [] : [[file, digestOf(text)] as const];
        }),
      ),
      watched: [...this.watched],
      generation: this.generation,
    };
  }

  /**
   * A project as another thread's `toState()` left it: the same listing, stamps and watched files, nothing read.
   * `onProgress` as for the constructor.
   */
  static fromState(
    { listing, stamps, digests, watched, generation }: ProjectFilesState,
    onProgress?: () => void,
  ): ProjectFiles {
    const files = new ProjectFiles(onProgress);
    files.listing = listing;
    for (const [file, stamp] of stamps) files.kept.set(file, { stamp, digest: digests.get(file) });
    for (const file of watched) files.watched.add(file);
    files.generation = generation;
    return files;
  }

  /**
   * Whether `text` is what the scan read of `file` on another thread, told by its digest without reading the
   * file; undefined when no digest was handed over (the text, if read, is kept here).
   */
  matchesHandedOverText(file: string, text: string): boolean | undefined {
    const digest = this.kept.get(file)?.digest;
    return digest === undefined ? undefined : digest === digestOf(text);
  }

  /** `linted`: the file being linted, always looked at (its text is compared with ESLint's). */
  refresh(linted: string): void {
    // About 400 stats on a large tree, before each re-lint and about once a second of a whole-tree lint
    // (DiskLook): nothing is copied or built per file looked at.
    this.refreshedAt = Date.now();
    let changed = false;
    if (this.listing && !isListingCurrent(this.listing)) {
      this.listing = undefined;
      changed = true;
    } else if (this.listing && !areUnchanged(this.listing.gitFiles)) {
      // Most git commands rewrite the index (a status, a commit, a file staged) and list the same files: the
      // scan stands then, with the index's new stamp.
      const gitFiles = sameListAgain(this.listing);
      if (gitFiles) this.listing = { ...this.listing, gitFiles };
      else {
        this.listing = undefined;
        changed = true;
      }
    }
    // A changed folder is the moment to look at every file again: the list is being made anew anyway.
    if (changed) for (const file of this.kept.keys()) this.dropIfChanged(file);
    else {
      for (const file of this.watched) changed = this.dropIfChanged(file) || changed;
      if (!this.watched.has(linted)) changed = this.dropIfChanged(linted) || changed;
    }
    if (changed) this.generation++;
  }

  /**
   * Whether `file` is one the listing does not hold that was created or changed on disk since the last look
   * here (or within RACY_MS before it, which a file's time may not tell apart): a new file whose own lint is
   * the first news of it, which a look reused within DiskLook's window would not see. A file the listing
   * leaves out on purpose (one git ignores) makes a lint look again only when it changed since the last look.
   */
  isNewSinceLastLook(file: string): boolean {
    const since = this.refreshedAt ?? this.listing?.listedAt;
    if (since === undefined || this.kept.has(file)) return false;
    const stat = statOf(file);
    return stat !== undefined && Math.max(stat.mtimeMs, stat.ctimeMs) > since - RACY_MS;
  }

  /** Forgets what is kept of `file` if it changed on disk since, and says whether it did. */
  private dropIfChanged(file: string): boolean {
    const kept = this.kept.get(file);
    if (!kept || isUnchanged(file, kept.stamp)) return false;
    this.kept.delete(file);
    this.watched.delete(file);
    return true;
  }

  list(
    paths: readonly string[],
    extensions: ReadonlySet<string>,
    onUnreadableDirectory: (problem: UnreadableDirectory) => void,
  ): readonly string[] {
    const sortedExtensions = [...extensions].sort();
    const key = JSON.stringify([paths, sortedExtensions]);
    // A listing with a folder it could not read is never current (NOT_READ): a scan that takes it up lists
    // again, and is told of the folder.
    if (this.listing?.key === key) return this.listing.files;
    const listedAt = Date.now();
    const folders = new Map<string, Stamp>();
    /** The settings files a walked folder holds; a folder not read (not walked, or unreadable) is absent. */
    const settingsIn = new Map<string, string[]>();
    /** Each listed file's stamp, from the stat the listing took: its stat is not held. */
    const stamps = new Map<string, Stamp>();
    const gitFiles = new Map<string, Stamp>();
    // One walk both lists the files (unless git does) and times every folder, each before it is read: a file
    // saved into a folder that held nothing listed, or into a new empty one (an editor's "new folder", then
    // "new file"), changes only that folder's time, and the list must be made anew for the file to join.
    const files = collectFiles(paths, extensions, onUnreadableDirectory, {
      folder(folder, stat, entries) {
        // A folder that could not be read is listed anew at every refresh: what it holds is unknown until it
        // is read.
        folders.set(folder, entries && stat ? stampFrom(stat) : NOT_READ);
        if (entries)
          settingsIn.set(
            folder,
            entries.filter(({ name }) => isSettingsFile(name)).map(({ name }) => name),
          );
      },
      file: (file, stat) => {
        stamps.set(file, stampFrom(stat));
        this.onProgress?.();
      },
      gitFiles: (files) => {
        for (const file of files) gitFiles.set(file, stampOf(file));
      },
    });
    const roots = paths.map((given) => path.resolve(given));
    // A root that is a file is not walked: its own stamp is watched, as a folder's is, and nothing above it
    // (a file created beside it, in /tmp say, is none of the project's).
    for (const root of roots) if (!folders.has(root)) folders.set(root, stampOf(root));
    for (const file of files) {
      if (folders.has(file)) continue;
      for (let folder = path.dirname(file); !folders.has(folder); folder = path.dirname(folder)) {
        folders.set(folder, stampOf(folder));
        if (path.dirname(folder) === folder) break;
      }
    }
    const settings = new Map<string, Stamp>();
    const stampSettings = (folder: string, names: readonly string[], evenMissing: boolean) => {
      for (const name of names) {
        const file = path.join(folder, name);
        const stamp = stampOf(file);
        if (evenMissing || !isMissing(stamp)) settings.set(file, stamp);
      }
    };
    // A walked folder's entries say which settings files it holds: only those are stamped.
    for (const folder of folders.keys()) stampSettings(folder, settingsIn.get(folder) ?? SETTINGS_FILES, false);
    for (const folder of roots.flatMap(foldersAbove)) stampSettings(folder, SETTINGS_FILES, true);
    // A listing made anew may follow a changed manifest: its pg-boss range is read again too.
    forgetPgBossRanges();
    this.listing = {
      key,
      paths: [...paths],
      extensions: sortedExtensions,
      listedAt,
      files,
      folders: Array.from(folders, ([folder, stamp]) => ({ folder, stamp })),
      settings,
      gitFiles,
    };
    // Every listed file is stamped now (by the stat the listing took), so one changed before its first read
    // is still noticed.
    for (const file of files) this.keep(file, stamps.get(file));
    return files;
  }

  read(file: string): string {
    this.onProgress?.();
    const kept = this.keep(file);
    this.watched.add(file);
    kept.text ??= kept.searched ?? diskFileSource.read(file);
    return kept.text;
  }

  peek(file: string): string {
    this.onProgress?.();
    const kept = this.keep(file);
    try {
      kept.searched ??= kept.text ?? diskFileSource.peek(file);
    } catch (error) {
      // Watched until it can be read: being allowed in (chmod) changes its stamp, not its folder's.
      this.watched.add(file);
      throw error;
    }
    return kept.searched;
  }

  /**
   * A config a scan read for a tsconfig.json's `extends` (a base config, a package's in node_modules), or
   * looked for in vain, a folder an imported module was looked for in, a tsconfig.json looked for on the way
   * up from a module outside the listed folders: stamped as the listed settings files are, so an edit in
   * place, or the file created (a package installed, a module written), lists the files anew and scans
   * again. One already stamped keeps the stamp taken before it was read.
   */
  lookedAt(file: string): void {
    if (!this.listing || this.listing.settings.has(file)) return;
    const stamp = stampOf(file);
    // A listed folder is watched already, and a file missing from one shows in the folder's stamp once created.
    if (listedFolders(this.listing).has(isMissing(stamp) ? path.dirname(file) : file)) return;
    this.listing.settings.set(file, stamp);
  }

  parse(file: string, text: string): SourceFile {
    this.onProgress?.();
    const kept = this.kept.get(file);
    if (!this.keepParses || kept?.text !== text) return diskFileSource.parse(file, text);
    kept.parsed ??= diskFileSource.parse(file, text);
    return kept.parsed;
  }

  /** `stamp`: the file's stamp when it was listed, else it is stat'ed now. */
  private keep(file: string, stamp?: Stamp): KeptFile {
    let kept = this.kept.get(file);
    if (!kept) this.kept.set(file, (kept = { stamp: stamp ?? stampOf(file) }));
    return kept;
  }
}

/**
 * A project's state as it stands on disk now, or undefined when something it stamped changed: its listing is
 * current, every file it stamped (each listed file, read or not, and each it read besides) is as it was, one
 * written within RACY_MS of the listing still has the text the scan read, and the same files are listed again.
 * A state taken up from another process (src/project/scanCache.ts) is checked whole: its files were edited in
 * place as freely as any, and what git lists also follows its index, its exclude files and whether git is
 * there at all. The state returned is `state` with the stamps of git's files taken again before that listing:
 * the list they decide is the same, and a live project that takes the state up lists again only when they
 * change from now on (a commit since that state rewrote the index).
 */
export function currentOnDisk(state: ProjectFilesState, onProgress?: () => void): ProjectFilesState | undefined {
  const { listing, stamps, digests } = state;
  if (!listing || !isListingCurrent(listing)) return undefined;
  // A settings file or folder whose stamp may not tell a later write: its text was not kept to compare.
  for (const stamp of listing.settings.values()) if (isRacy(stamp, listing.listedAt)) return undefined;
  for (const { stamp } of listing.folders) if (isRacy(stamp, listing.listedAt)) return undefined;
  for (const [file, stamp] of stamps) {
    onProgress?.();
    if (!isUnchanged(file, stamp)) return undefined;
    if (isRacy(stamp, listing.listedAt) && !hasText(file, digests.get(file))) return undefined;
  }
  const gitFiles = sameListAgain(listing);
  return gitFiles && { ...state, listing: { ...listing, gitFiles } };
}

/**
 * The stamps of git's own files (Listing.gitFiles), taken again as `listing`'s paths are listed again, when
 * the same files are listed; undefined when the list differs.
 */
function sameListAgain(listing: Listing): Map<string, Stamp> | undefined {
  const gitFiles = new Map<string, Stamp>();
  const listed = collectFiles(listing.paths, new Set(listing.extensions), () => {}, {
    gitFiles: (files) => {
      for (const file of files) gitFiles.set(file, stampOf(file));
    },
  });
  const same = listed.length === listing.files.length && listed.every((file, index) => file === listing.files[index]);
  return same ? gitFiles : undefined;
}

/**
 * Whether a stamp may not tell a write made after the listing: its time is kept to the second (a file system
 * with finer times gives whole seconds about once in a million writes) and is within RACY_MS of the listing.
 */
function isRacy({ mtimeMs }: Stamp, listedAt: number): boolean {
  return mtimeMs % 1000 === 0 && mtimeMs > listedAt - RACY_MS;
}

/** Whether `file` holds the text whose digest is `digest` (none: unknown, so no). */
function hasText(file: string, digest: string | undefined): boolean {
  if (digest === undefined) return false;
  try {
    return digestOf(diskFileSource.peek(file)) === digest;
  } catch {
    return false;
  }
}

const folderSets = new WeakMap<Listing, ReadonlySet<string>>();

/** The folders `listing` stamps, as a set. */
function listedFolders(listing: Listing): ReadonlySet<string> {
  let folders = folderSets.get(listing);
  if (!folders) folderSets.set(listing, (folders = new Set(listing.folders.map(({ folder }) => folder))));
  return folders;
}

/** Whether no listed folder's stamp and no settings file's changed since the listing was made. */
function isListingCurrent({ folders, settings }: Listing): boolean {
  for (const { folder, stamp } of folders) if (!isUnchanged(folder, stamp)) return false;
  return areUnchanged(settings);
}

/** Whether each file of `stamps` still has its stamp. */
function areUnchanged(stamps: ReadonlyMap<string, Stamp>): boolean {
  for (const [file, stamp] of stamps) if (!isUnchanged(file, stamp)) return false;
  return true;
}

/** The folders above `folder`, up to the file system's root. */
function foldersAbove(folder: string): string[] {
  const above: string[] = [];
  for (let current = folder; path.dirname(current) !== current; current = path.dirname(current))
    above.push(path.dirname(current));
  return above;
}

function stampOf(file: string): Stamp {
  const stat = statOf(file);
  return stat ? stampFrom(stat) : MISSING;
}

function stampFrom({ mtimeMs, ctimeMs, size, ino }: fs.Stats): Stamp {
  return { mtimeMs, ctimeMs, size, ino };
}

/**
 * A text's digest, to know it again without keeping it. Of its UTF-8 bytes in one call, which builds no hash
 * object and hashes half the bytes of its code units (a lint of each file of a whole-tree pass takes one);
 * but UTF-8 turns a lone surrogate into U+FFFD and would give two different texts one digest, so a text that
 * holds one is digested by its UTF-16 code units, and marked apart.
 */
function digestOf(text: string): string {
  return text.isWellFormed()
    ? hash('sha256', text, 'base64')
    : `utf16:${createHash('sha256').update(text, 'utf16le').digest('base64')}`;
}

/** Read by value, not identity: a stamp handed over from another thread is a copy (`fromState`). */
function isSameStamp(stamp: Stamp, other: Stamp): boolean {
  return (
    stamp.mtimeMs === other.mtimeMs &&
    stamp.ctimeMs === other.ctimeMs &&
    stamp.size === other.size &&
    stamp.ino === other.ino
  );
}

function isMissing(stamp: Stamp): boolean {
  return isSameStamp(stamp, MISSING);
}

function isUnchanged(file: string, stamp: Stamp): boolean {
  const stat = statOf(file);
  return stat ? isSameStamp(stampFrom(stat), stamp) : isMissing(stamp);
}
