import { DEFAULT_EXTENSIONS, readExtensions } from '../files/readExtensions';
import { listQueueFiles } from '../inventory/queueFiles';
import type { ProjectFiles, ProjectFilesState } from './projectFiles';
import type { ScannedAs } from './scanCache';

/**
 * What `pg-boss-queues` scans by default, so the rules judge the tree the command does, and the command takes
 * up a scan the rules kept (src/project/scanCache.ts).
 */
export const SCANNED_AS: ScannedAs = { extensions: readExtensions(DEFAULT_EXTENSIONS), includeTests: false };

/**
 * The most files (source files and manifests), and bytes, a project may list to have its first scan made on
 * the lint's thread rather than on a worker, whose start and module loading cost about 100 ms before it reads
 * a file. Past them the scan's objects slow ESLint's own parse of every later file, and the texts the lint's
 * thread then keeps for later scans grow its heap (docs/performance.md §7).
 */
export const MOST_FILES_SCANNED_HERE = 1000;
export const MOST_BYTES_SCANNED_HERE = 5 * 1024 * 1024;

/** Whether the project `listed` lists is one to scan on a worker. */
export function isLarge({ stamps }: ProjectFilesState): boolean {
  if (stamps.size > MOST_FILES_SCANNED_HERE) return true;
  let bytes = 0;
  for (const { size } of stamps.values()) bytes += Math.max(size, 0);
  return bytes > MOST_BYTES_SCANNED_HERE;
}

/**
 * `files` with the project under `roots` listed, as `pg-boss-queues` lists it. Apart from the analysis, so
 * that a worker started ahead of the first lint lists the project before it loads that (scanWorker.ts).
 */
export function listProject(roots: readonly string[], files: ProjectFiles): ProjectFiles {
  listQueueFiles(roots, SCANNED_AS.extensions, files, () => {});
  return files;
}
