import path from 'node:path';
import { UnparsableFileError } from '../files/unparsableFile';
import type { LocatedOperation } from './buildInventory';
import type { FileSource } from './fileSource';
import { createsQueuesImplicitly, namesPgBoss } from './createsQueuesImplicitly';
import { findQueueOperations } from './findQueueOperations';
import { isTestFile } from './isTestFile';
import { ProgramCallers } from './programCallers';
import { ProjectModules } from './projectModules';
import { RuntimeHelperExports } from './runtimeHelperExports';
import { NO_BINDINGS } from './staticValue';
import type { SourceFile } from '../util/sourceFile';

/** What the files of a program say about its queues. */
export interface ProgramOperations {
  readonly operations: readonly LocatedOperation[];
  /** Some wrapper had more call sites than are followed: its names were left unknown. */
  readonly boundReached: boolean;
  /** Candidate files that could not be parsed, with the parser's reason. */
  readonly unparsable: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

export interface ProgramFiles {
  /** Every source file of the program with its text, read once. */
  readonly texts: ReadonlyMap<string, string>;
  /** The files whose text can hold a queue call (canHoldQueueCall): the only ones read for operations. */
  readonly candidates: readonly string[];
  /** Every package.json of the tree, so workspace packages resolve. */
  readonly packageJsons: readonly string[];
  /** A file's path as the inventory shows it. */
  readonly relative: (file: string) => string;
  /** Where imported modules are read and parsed from. */
  readonly fileSource: FileSource;
}

/**
 * The queue operations of the candidate files, names resolved across the program (imports, workspace
 * packages, wrappers' callers), each located at the file the inventory shows it in.
 */
export function findProgramOperations({
  texts,
  candidates,
  packageJsons,
  relative,
  fileSource,
}: ProgramFiles): ProgramOperations {
  const modules = new ProjectModules(packageJsons, fileSource);
  const callers = new ProgramCallers(modules, texts);
  const helpers = new RuntimeHelperExports(modules, texts, candidates);
  const operations: LocatedOperation[] = [];
  const unparsable: Array<{ file: string; reason: string }> = [];
  const read = (file: string, source: SourceFile) => {
    // The pg-boss call is in `file`, whatever file a wrapper's caller wrote the name in: it runs on the
    // pg-boss that file's package installs, which may be another than the caller's package. A package
    // that names no pg-boss imports the one its app installs (a shared helper handed the app's instance):
    // then the caller's package says which.
    const directory = path.dirname(file);
    const implicit = namesPgBoss(directory) ? createsQueuesImplicitly(directory) : undefined;
    for (const operation of findQueueOperations({ modules, file, source, bindings: NO_BINDINGS }, callers, helpers)) {
      const where = relative(operation.file);
      operations.push({
        ...operation,
        file: where,
        createsQueuesImplicitly: implicit ?? createsQueuesImplicitly(path.dirname(operation.file)),
        test: isTestFile(where),
      });
    }
  };
  for (const file of candidates) {
    const source = modules.scanned(file, texts.get(file)!);
    if (source instanceof UnparsableFileError) unparsable.push({ file: relative(file), reason: source.reason });
    else read(file, source);
  }
  // A file that calls a helper only under the app's own name for it need mention no queue method. It is
  // not a candidate that failed to parse when it does not: it may only name something else alike.
  const isCandidate = new Set(candidates);
  for (const file of helpers.callerFiles) {
    const source = isCandidate.has(file) ? null : modules.source(file);
    if (source) read(file, source);
  }
  return { operations, boundReached: callers.boundReached, unparsable };
}
