import path from 'node:path';
import { DEFAULT_EXTENSIONS, readExtensions } from '../cli/readCommandLine';
import type { FileSource } from '../inventory/fileSource';
import { scanQueues, type QueueScan } from '../inventory/scanQueues';
import { ProjectFiles } from './projectFiles';

/** The files `pg-boss-queues` scans by default, so the rules judge the same tree the command does. */
const EXTENSIONS = readExtensions(DEFAULT_EXTENSIONS);

/** The file being linted, with the text ESLint has for it: unsaved edits in an editor included. */
export interface LintedFile {
  readonly file: string;
  readonly text: string;
}

interface Project {
  readonly files: ProjectFiles;
  last?: { readonly generation: number; readonly unsaved: LintedFile | undefined; readonly scan: QueueScan };
}

/** One per set of roots, for the life of the process (each ESLint worker thread has its own). */
const projects = new Map<string, Project>();

/**
 * The inventory of the project under `roots`, up to date with the disk and with the linted file's text.
 * Files are read and parsed once and again only when they change (ProjectFiles); the scan itself is
 * reused while nothing changed, which is every file of a whole-tree `eslint .` but the first.
 */
export function scanProject(roots: readonly string[], linted: LintedFile): QueueScan {
  const key = JSON.stringify(roots);
  let project = projects.get(key);
  if (!project) projects.set(key, (project = { files: new ProjectFiles() }));
  const { files } = project;
  files.refresh(linted.file);
  const unsaved = matchesDisk(files, linted) ? undefined : linted;
  const last = project.last;
  if (
    last &&
    last.generation === files.generation &&
    last.unsaved?.file === unsaved?.file &&
    last.unsaved?.text === unsaved?.text
  )
    return last.scan;
  const scan = scanQueues(roots, EXTENSIONS, unsaved ? withUnsavedText(files, unsaved, roots) : files);
  project.last = { generation: files.generation, unsaved, scan };
  return scan;
}

function matchesDisk(files: ProjectFiles, { file, text }: LintedFile): boolean {
  try {
    return files.read(file) === text;
  } catch {
    // Not on disk (yet): a new file the editor has not saved.
    return false;
  }
}

/**
 * The project's files with `unsaved` read from the editor instead of the disk; a new file under the roots
 * joins the list as if it were saved.
 */
function withUnsavedText(files: ProjectFiles, unsaved: LintedFile, roots: readonly string[]): FileSource {
  const isUnsaved = (file: string) => file === unsaved.file;
  return {
    list(paths, extensions, onUnreadableDirectory) {
      const listed = files.list(paths, extensions, onUnreadableDirectory);
      const joins =
        !listed.includes(unsaved.file) &&
        extensions.has(path.extname(unsaved.file).slice(1)) &&
        roots.some((root) => !path.relative(root, unsaved.file).startsWith('..'));
      return joins ? [...listed, unsaved.file].sort() : listed;
    },
    read: (file) => (isUnsaved(file) ? unsaved.text : files.read(file)),
    readIfMatching: (file, pattern) =>
      isUnsaved(file) ? (pattern.test(unsaved.text) ? unsaved.text : undefined) : files.readIfMatching(file, pattern),
    parse: (file, text) => files.parse(file, text),
  };
}
