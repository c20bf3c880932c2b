import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SourceFile } from '../util/sourceFile';
import type { ProjectModules } from './projectModules';

/** What a constant expression holds. `undefined` is kept: a missing key reads as it does at run time. */
export type StaticValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | ModuleNamespace
  | UnknownPart
  | readonly StaticValue[]
  | { readonly [key: string]: StaticValue };

/** `import * as queues from './queues'`: its members are the module's exports, read on demand. */
export class ModuleNamespace {
  constructor(readonly file: string) {}
}

/**
 * A part of a constant list, object or class whose value is not read: a function beside the strings
 * (`{ name: 'emails', handler: () => … }`), a static field that is not constant. The strings beside it
 * are still known; reading the part itself as a name or an option is not static.
 */
export class UnknownPart {
  constructor(readonly node: TSESTree.Node) {}
}

/** Values that stand for something the inventory does not read: a module's namespace or an unknown part. */
export function isOpaque(value: StaticValue): value is ModuleNamespace | UnknownPart {
  return value instanceof ModuleNamespace || value instanceof UnknownPart;
}

/** The expression (or the part of it) whose value is not known before the program runs. */
export class NotStaticError extends Error {
  override readonly name = 'NotStaticError';
  constructor(readonly node: TSESTree.Node) {
    super('not a constant');
  }
}

/** Values of loop variables and callback parameters, fixed for one pass of a loop (see iterationBindings). */
export type Bindings = ReadonlyMap<TSESLint.Scope.Variable, StaticValue>;

export interface EvaluationScope {
  readonly modules: ProjectModules;
  readonly file: string;
  readonly source: SourceFile;
  readonly bindings: Bindings;
}

/** Constants that refer to each other deeper than this are treated as not constant (and cycles end here). */
export const MAX_DEPTH = 64;

/** The bindings of code outside any loop, and of every module a name is imported from. */
export const NO_BINDINGS: Bindings = new Map();
