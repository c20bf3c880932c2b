import type { InventoryOptions } from './buildInventory';
import { diskFileSource, type FileSource } from './fileSource';
import { findProgramOperations } from './findProgramOperations';
import type { QueueInventory } from './queueInventory';
import { readQueueFiles, scanOf, type QueueFiles } from './queueFiles';

export interface QueueScan {
  readonly inventory: QueueInventory;
  /** The folder every path in the inventory is relative to. */
  readonly root: string;
  readonly scanned: number;
  /** Some wrapper had more call sites than are followed: its names were left unknown. */
  readonly boundReached: boolean;
  /** Folders that could not be listed, and files that mention a pg-boss method but could not be read or parsed. */
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

export interface ScanOptions extends Partial<InventoryOptions> {
  /** Where files, texts and parses come from: the disk, unless a caller keeps them between scans. */
  readonly fileSource?: FileSource;
}

/**
 * Finds every queue declared or used under `paths` (files and folders, walked and filtered as the codemod
 * does), resolving names across the files of the tree. `fileSource` is the disk unless a caller keeps the
 * files between scans (the editor rules).
 */
export function scanQueues(
  paths: readonly string[],
  extensions: ReadonlySet<string>,
  { includeTests = false, fileSource = diskFileSource }: ScanOptions = {},
): QueueScan {
  return scanQueueFiles(readQueueFiles(paths, extensions, fileSource), { includeTests, fileSource });
}

/** The scan of files already read (readQueueFiles): their candidates' operations, names resolved across the tree. */
export function scanQueueFiles(
  files: QueueFiles,
  { includeTests = false, fileSource = diskFileSource }: ScanOptions = {},
): QueueScan {
  return scanOf(files, findProgramOperations({ ...files, fileSource }), includeTests);
}
