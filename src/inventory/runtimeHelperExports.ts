import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { DEFAULT_IMPORT_SOURCE } from '../runtimeModule';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { getStaticPropertyName } from '../util/getStaticPropertyName';
import { resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';
import { dependenciesFirst, InPlaceOrder } from './dependenciesFirst';
import { mentionOf, mentionsModule } from './nameSearch';
import { importedBinding, isReassigned, type Imported } from './importedBinding';
import type { ProjectModules } from './projectModules';
import { isMutated } from './isMutated';
import { mayHoldRuntime } from './mayHoldRuntime';
import { MENTIONS_HELPER } from './queueMethods';
import { isModuleExports, moduleExportName } from './readModuleExport';
import { helperNamed, RUNTIME_HELPER_NAMES, type RuntimeHelper, type RuntimeHelperName } from './runtimeHelpers';
import { reexportGoesRound, type ReexportWalks } from './reexportGoesRound';
import { MAX_DEPTH } from './staticValue';

/** A module's exports that are runtime helpers, by exported name (`default`, and `*` for `module.exports = f`). */
type HelperExports = ReadonlyMap<string, RuntimeHelper>;

const NONE: HelperExports = new Map();

/** Records that a module exports `name` as `helper`, or as something that is no helper. */
type WriteExport = (name: string, helper: RuntimeHelper | undefined) => void;

/** The modules whose exports are being read together, until none of them changes (see exportsOf). */
interface Reading {
  /** The modules being read, each for the re-exports of the one before. */
  readonly stack: string[];
  /** The modules whose reads saw each module's exports: read again when those change. */
  readonly readers: Map<string, Set<string>>;
  /** The modules whose exports each module's reads saw: the modules it depends on. */
  readonly seen: Map<string, Set<string>>;
  /** The modules to read (again). */
  readonly queue: Set<string>;
  /** The modules read at least once. */
  readonly read: Set<string>;
}

/**
 * What the text of a module that exports a value must hold: `export {`, `export *`, `export default`,
 * `export const` (not `export function` or `export class`, whose helpers are read through their callers),
 * `export =`, or CommonJS exports.
 */
const EXPORTS_A_VALUE = /\bexport\s*(?:[{*=]|default\b|const\b|let\b|var\b)|\bmodule\.exports\b|\bexports\s*[.[]/;

/** Export names that stand for the module itself, not for a name a caller writes. */
const MODULE_ITSELF = new Set(['default', '*']);

/**
 * Which modules of the scanned tree export one of the runtime's helpers, and under which names: the
 * runtime re-exported under a name of the app's own (`export { ensureQueue as declareQueue } from
 * 'pg-boss-safe-create-queue'`, `export const declare = safeCreateQueue`, `export default ensureQueue`,
 * `module.exports = { declareQueue: ensureQueue }`), also through chains of the app's modules.
 *
 * Built before the scan reads calls, without parsing a module that cannot be such a re-export: it starts
 * from the files that export a value and whose text names one of the helpers (as the runtime's import, or
 * a package of the app's that may re-export it), then reads those of the files whose text names what they
 * export (for a default export: a module specifier ending in the module's name), until nothing new is
 * exported. The files that name such an export are also every file that can call a helper under the
 * app's name: the scan reads them for queue operations (`callerFiles`).
 */
export class RuntimeHelperExports {
  private readonly found = new Map<string, HelperExports>();
  /** Names other than the helpers' own under which some module of the tree exports a helper, and which. */
  private readonly aliases = new Map<string, RuntimeHelperName>();
  private readonly callers = new Set<string>();
  private reading: Reading | undefined;
  private readonly reexportWalks: ReexportWalks = new Map();

  /**
   * `texts`: every file of the program with its text, read once by the scan; `candidates`: those that can
   * hold a queue call (canHoldQueueCall), among them every file that names a helper.
   */
  constructor(
    private readonly modules: ProjectModules,
    texts: ReadonlyMap<string, string>,
    candidates: readonly string[],
  ) {
    const searched = new Set<string>();
    // A module that names only the runtime's package (`export * from …`) exports the helpers under their
    // own names, which their callers write: calledHelper finds it from them.
    const helperFiles = candidates.filter((file) => MENTIONS_HELPER.test(texts.get(file)!));
    const pending = [...helperFiles];
    const read = new Set<string>();
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      // A file that only calls the runtime (the codemod's output) exports no value it could be.
      if (read.has(file) || !EXPORTS_A_VALUE.test(texts.get(file)!)) continue;
      read.add(file);
      for (const [exported, helper] of this.exportsOf(file)) {
        // `queues.declare` (a helper held in an exported object) is called by its last name.
        const name = exported.slice(exported.lastIndexOf('.') + 1);
        const mention = MODULE_ITSELF.has(name) ? mentionsModule(file) : mentionOf(name);
        const key = MODULE_ITSELF.has(name) ? `${file}\0module` : name;
        if (!RUNTIME_HELPER_NAMES.has(name) && !this.aliases.has(name)) this.aliases.set(name, helper.name);
        if (searched.has(key)) continue;
        searched.add(key);
        // A file that writes a helper's own name is one of those: only they are searched for it.
        for (const other of RUNTIME_HELPER_NAMES.has(name) ? helperFiles : texts.keys()) {
          if (other === file || !mention.test(texts.get(other)!)) continue;
          // A helper's own name is read wherever it is written already; another name only from here on.
          if (!RUNTIME_HELPER_NAMES.has(name)) this.callers.add(other);
          pending.push(other);
        }
      }
    }
  }

  /** The files that may call a helper under a name of the app's: the scan must read them too. */
  get callerFiles(): readonly string[] {
    return [...this.callers];
  }

  /**
   * The runtime helper a called function of `file` (see getCalledExpression) is, when the bindings show it:
   * imported (`import { ensureQueue as declare } from 'pg-boss-safe-create-queue'`; the codemod renames its
   * import when the file has a `safeCreateQueue` of its own), required or loaded (`const { ensureQueue } =
   * require(…)`, `await import(…)`, `import rt = require(…)`), read from the module (`rt.ensureQueue`, also
   * as compiled CommonJS writes it: `(0, rt_1.ensureQueue)`, `rt_1 = __importStar(require(…))`), or
   * exported again by a module of the tree under its name or another. The name alone is not enough for
   * `ensureQueue`: apps name their own wrappers `ensureQueue(name)`, and those are read through their
   * callers. Only a helper's name, or one a module of the tree exports a helper under, is worth parsing
   * the imported module for: every call of an imported function comes here.
   */
  calledHelper(file: string, source: SourceFile, called: TSESTree.Node): RuntimeHelper | undefined {
    return this.heldBy(file, source, called, (name) => RUNTIME_HELPER_NAMES.has(name) || this.aliases.has(name));
  }

  /**
   * Whether `object` comes from a module of the tree that shows what it is: the module imported whole
   * (`import * as queues from './queues'`, `require('./queues')`), whose exports are read, so a helper's
   * name called on it is the runtime's only when calledHelper says so; or an export the module shows is
   * the app's own (`export const queues = new Queues()`, see mayHoldRuntime), whose `method` is read
   * through its callers.
   */
  isAppObject(file: string, source: SourceFile, object: TSESTree.Node, method: string): boolean {
    const value = skipTransparentWrappers(object);
    const module = value.type === AST_NODE_TYPES.Identifier ? importedBinding(source, value) : undefined;
    const target = module && this.modules.resolve(file, module.source);
    const targetSource = target === undefined ? null : this.modules.source(target);
    if (!module || !targetSource) return false;
    if (module.name === '*' || module.name === 'default') return true;
    const local = exportedLocal(targetSource, module.name);
    return local !== undefined && !mayHoldRuntime(targetSource, local, method);
  }

  /** The helper `node` of `file` holds, following imports whose name `worthFollowing` accepts. */
  private heldBy(
    file: string,
    source: SourceFile,
    node: TSESTree.Node,
    worthFollowing: (name: string) => boolean,
  ): RuntimeHelper | undefined {
    const value = skipTransparentWrappers(node);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const imported = importedBinding(source, value);
      return imported && worthFollowing(imported.name) ? this.origin(file, imported) : undefined;
    }
    if (value.type !== AST_NODE_TYPES.MemberExpression || value.object.type !== AST_NODE_TYPES.Identifier)
      return undefined;
    const name = getStaticPropertyName(value);
    if (name === undefined || !worthFollowing(name)) return undefined;
    const module = importedBinding(source, value.object);
    if (!module) return undefined;
    // An exported object holding helpers: `import { queues } from './queues'`, then `queues.declare(…)`.
    const member = module.name === '*' ? undefined : this.origin(file, { ...module, name: `${module.name}.${name}` });
    // A CommonJS module's default import is its `module.exports`, as a namespace import is; an ES module's
    // is its default export, whatever else the module exports under `name`.
    const wholeModule = module.name === '*' || (module.name === 'default' && !this.exportsDefault(file, module.source));
    return member ?? (wholeModule ? this.origin(file, { source: module.source, name }) : undefined);
  }

  /** Whether the module `specifier` names (from `file`) is one of the tree with an `export default`. */
  private exportsDefault(file: string, specifier: string): boolean {
    const target = this.modules.resolve(file, specifier);
    const source = target === undefined ? null : this.modules.source(target);
    return (
      source?.ast.body.some(
        (statement) =>
          statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
          (statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
            statement.specifiers.some((specifier) => moduleExportName(specifier.exported) === 'default')),
      ) ?? false
    );
  }

  /**
   * The helper `imported` (as `file` imports it) is, when the module it comes from exports one under that
   * name; or may be, when the name is a helper's (or an alias of one) that goes round a cycle of re-exports
   * without reaching a module that holds it.
   */
  private origin(file: string, imported: Imported): RuntimeHelper | undefined {
    const helper = this.moduleExports(file, imported.source).get(imported.name);
    if (helper) return helper;
    const possible = helperNamed(imported.name) ?? this.aliases.get(imported.name);
    const target = possible && this.modules.resolve(file, imported.source);
    return target && reexportGoesRound(this.modules, target, imported.name, this.reexportWalks)
      ? { name: possible, certain: false }
      : undefined;
  }

  /**
   * The helpers the module `specifier` names (from `file`) exports: the runtime's own, those of a module of
   * the tree, or, for a module the scan does not read (the codemod's `--import-source`, a package of the
   * app's), possibly the runtime's under their own names, as it may re-export them.
   */
  private moduleExports(file: string, specifier: string): HelperExports {
    if (specifier === DEFAULT_IMPORT_SOURCE) return RUNTIME_EXPORTS;
    const target = this.modules.resolve(file, specifier);
    return target && this.modules.source(target) ? this.exportsOf(target) : UNREAD_MODULE_EXPORTS;
  }

  /**
   * The helpers `file` exports. Modules are read depth first, each after those it re-exports from, so a
   * tree without cycles reads each once. A module that re-exports from one being read (a cycle: `export *`
   * both ways) sees what that one exports so far, nothing at first, and is read again when it changes; a
   * chain of re-exports deeper than MAX_DEPTH (the stack would overflow) is read on from the queue at that
   * depth, in steps of it. Each read can only add exports or take one from a module that now holds it
   * earlier in the same order, so the reads end, with every module's exports as its re-exports hold them.
   */
  private exportsOf(file: string): HelperExports {
    const known = this.found.get(file);
    const reading = this.reading;
    if (!reading) return known ?? this.readTogether(file);
    let exports = known;
    if (exports === undefined) {
      this.found.set(file, NONE);
      if (reading.stack.length < MAX_DEPTH) exports = this.read(file);
      else {
        reading.queue.add(file);
        exports = NONE;
      }
    }
    const reader = reading.stack.at(-1)!;
    let readers = reading.readers.get(file);
    if (!readers) reading.readers.set(file, (readers = new Set()));
    readers.add(reader);
    let seen = reading.seen.get(reader);
    if (!seen) reading.seen.set(reader, (seen = new Set()));
    seen.add(file);
    return exports;
  }

  /** Reads `file`'s exports and those of every module they depend on, until none changes. */
  private readTogether(file: string): HelperExports {
    const reading: Reading = {
      stack: [],
      readers: new Map(),
      seen: new Map(),
      queue: new Set([file]),
      read: new Set(),
    };
    this.reading = reading;
    this.found.set(file, NONE);
    // Every module is read once first, those left for later past MAX_DEPTH too: the reads show what each
    // depends on. Then the changed ones are read again, each after those it depends on, so a change
    // reaches its readers in one pass but along a cycle's way back. Read one at a time as queued, a cycle
    // changed at many of its modules passed each change round it alone, and the reads grew with the
    // square of the changes; ordered anew for each pass, a change that travels a long chain one module
    // per pass made the ordering grow with the square of the chain.
    for (;;) {
      const unread = [...reading.queue].filter((module) => !reading.read.has(module));
      if (unread.length === 0) break;
      for (const next of unread) {
        reading.queue.delete(next);
        this.read(next);
      }
    }
    const pending = new InPlaceOrder(dependenciesFirst(reading.read, reading.seen));
    for (;;) {
      for (const queued of reading.queue) pending.add(queued);
      reading.queue.clear();
      const next = pending.take();
      if (next === undefined) break;
      this.read(next);
    }
    this.reading = undefined;
    return this.found.get(file)!;
  }

  /** Reads `file`'s exports, and queues the modules that saw them when they changed. */
  private read(file: string): HelperExports {
    const reading = this.reading!;
    reading.stack.push(file);
    const exports = this.readExports(file);
    reading.stack.pop();
    reading.read.add(file);
    if (!sameExports(exports, this.found.get(file)!)) {
      this.found.set(file, exports);
      for (const reader of reading.readers.get(file) ?? []) reading.queue.add(reader);
    }
    return exports;
  }

  private readExports(file: string): HelperExports {
    const source = this.modules.source(file);
    if (!source) return NONE;
    const exports = new Map<string, RuntimeHelper>();
    /**
     * A write of the export `name`, which replaces what it held before, members too: CommonJS exports
     * may be written again (`exports.declare = ensureQueue; exports.declare = own`), and `module.exports
     * = value` (written `*`) replaces every export.
     */
    const write: WriteExport = (name, helper) => {
      if (name === '*') exports.clear();
      for (const key of exports.keys()) if (key.startsWith(`${name}.`)) exports.delete(key);
      if (helper) exports.set(name, helper);
      else exports.delete(name);
    };
    const held = (node: TSESTree.Node) => this.heldBy(file, source, node, () => true);
    /** A value exported as `name`: a helper, or an object literal of the file holding helpers. */
    const addValue = (name: string, node: TSESTree.Node, holder = node) => {
      write(name, held(node));
      for (const [key, value] of objectMembers(source, holder)) write(`${name}.${key}`, held(value));
    };
    /** `export { local as exported } from specifier`, and the helpers of an object `local` holds. */
    const reexport = (exported: string, specifier: string, local: string) => {
      for (const [key, helper] of this.moduleExports(file, specifier)) {
        if (key === local) write(exported, helper);
        else if (key.startsWith(`${local}.`)) write(exported + key.slice(local.length), helper);
      }
    };
    /** The names the module's own `export` statements give, which hide those an `export *` brings. */
    const own = new Set<string>();
    const starred: HelperExports[] = [];
    for (const statement of source.ast.body) {
      switch (statement.type) {
        case AST_NODE_TYPES.ExportAllDeclaration:
          if (statement.exported || statement.exportKind === 'type') break;
          starred.push(this.moduleExports(file, statement.source.value));
          break;
        case AST_NODE_TYPES.ExportNamedDeclaration:
          if (statement.exportKind === 'type') break;
          for (const specifier of statement.specifiers) {
            if (specifier.exportKind === 'type') continue;
            const exported = moduleExportName(specifier.exported);
            own.add(exported);
            if (statement.source) reexport(exported, statement.source.value, moduleExportName(specifier.local));
            else addValue(exported, specifier.local);
          }
          if (statement.declaration)
            for (const { name } of source.scopeManager?.getDeclaredVariables(statement.declaration) ?? [])
              own.add(name);
          if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration)
            for (const declarator of statement.declaration.declarations)
              if (
                declarator.id.type === AST_NODE_TYPES.Identifier &&
                declarator.init &&
                !reassignedAfterExport(source, declarator.id)
              )
                // Its object's members through the name: `kit.declare = own` later changes them.
                addValue(declarator.id.name, declarator.init, declarator.id);
          break;
        case AST_NODE_TYPES.ExportDefaultDeclaration:
          addValue('default', statement.declaration);
          break;
        case AST_NODE_TYPES.TSExportAssignment:
          addModuleExports(source, statement.expression, held, write);
          break;
        case AST_NODE_TYPES.ExpressionStatement:
          readCommonJsExport(source, statement.expression, held, write);
          break;
        default:
          break;
      }
    }
    for (const helpers of starred)
      for (const [key, helper] of helpers) {
        const name = key.split('.')[0]!;
        if (!MODULE_ITSELF.has(name) && !own.has(name) && !exports.has(key)) exports.set(key, helper);
      }
    return exports;
  }
}

function sameExports(a: HelperExports, b: HelperExports): boolean {
  if (a.size !== b.size) return false;
  for (const [name, helper] of a) {
    const other = b.get(name);
    if (other?.name !== helper.name || other.certain !== helper.certain) return false;
  }
  return true;
}

/** Whether an exported `let` is assigned another value after its declaration, which its importers then see. */
function reassignedAfterExport(source: SourceFile, id: TSESTree.Identifier): boolean {
  const variable = resolveIdentifier(source, id);
  return variable !== null && isReassigned(variable);
}

/** The name a module's own `export` gives `exported` under (`export const queues = …`, `export { queues }`). */
function exportedLocal(source: SourceFile, exported: string): TSESTree.Identifier | undefined {
  for (const statement of source.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.source) continue;
    for (const specifier of statement.specifiers)
      if (specifier.local.type === AST_NODE_TYPES.Identifier && moduleExportName(specifier.exported) === exported)
        return specifier.local;
    const declaration = statement.declaration;
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration)
      for (const { id } of declaration.declarations)
        if (id.type === AST_NODE_TYPES.Identifier && id.name === exported) return id;
    if (
      (declaration?.type === AST_NODE_TYPES.ClassDeclaration ||
        declaration?.type === AST_NODE_TYPES.FunctionDeclaration) &&
      declaration.id?.name === exported
    )
      return declaration.id;
  }
  return undefined;
}

/** The runtime's exports. */
const RUNTIME_EXPORTS: HelperExports = new Map(
  [...RUNTIME_HELPER_NAMES].map((name) => [name, { name: helperNamed(name)!, certain: true }]),
);

/** What a module the scan does not read may export: the helpers under their own names, perhaps. */
const UNREAD_MODULE_EXPORTS: HelperExports = new Map(
  [...RUNTIME_HELPER_NAMES].map((name) => [name, { name: helperNamed(name)!, certain: false }]),
);

/** `module.exports = f`, `module.exports = { name: f }`, `exports.name = f`, `module.exports.name = f`. */
function readCommonJsExport(
  source: SourceFile,
  expression: TSESTree.Expression,
  held: (node: TSESTree.Node) => RuntimeHelper | undefined,
  write: WriteExport,
): void {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return;
  const { left, right } = expression;
  if (isModuleExports(left)) addModuleExports(source, right, held, write);
  else if (
    left.type === AST_NODE_TYPES.MemberExpression &&
    (isModuleExports(left.object) || (left.object.type === AST_NODE_TYPES.Identifier && left.object.name === 'exports'))
  ) {
    const name = getStaticPropertyName(left);
    if (name !== undefined) write(name, held(right));
  }
}

/** `module.exports = value` or `export = value`: the module is the value, and an object's members its exports. */
function addModuleExports(
  source: SourceFile,
  value: TSESTree.Node,
  held: (node: TSESTree.Node) => RuntimeHelper | undefined,
  write: WriteExport,
): void {
  write('*', held(value));
  write('default', held(value));
  for (const [key, member] of objectMembers(source, value)) write(key, held(member));
}

/** The members of an object literal `node` is, or a `const` of the file holds: `{ declare: ensureQueue }`. */
function objectMembers(source: SourceFile, node: TSESTree.Node): Array<[string, TSESTree.Node]> {
  let value = skipTransparentWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveIdentifier(source, value);
    const def = variable?.defs[0];
    if (def?.type !== DefinitionType.Variable || def.parent.kind !== 'const' || !def.node.init) return [];
    // `kit.declare = own`, `Object.assign(kit, …)`: what the object holds when called is not known.
    if (isMutated(variable!)) return [];
    value = skipTransparentWrappers(def.node.init);
  }
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return value.properties.flatMap((property): Array<[string, TSESTree.Node]> => {
    const key = property.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined;
    return property.type === AST_NODE_TYPES.Property && key !== undefined ? [[key, property.value]] : [];
  });
}
