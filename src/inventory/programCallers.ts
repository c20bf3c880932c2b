import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { isPgBossReceiverBySyntax } from '../analysis/classifyReceiver';
import { getImportedExport } from '../util/getImportedName';
import { getStaticPropertyName, getStaticString } from '../util/getStaticPropertyName';
import { isFunctionNode, type FunctionNode } from '../util/isFunctionNode';
import { loadedModule } from '../util/loadedModule';
import { resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';
import { walkNodes } from '../util/walkNodes';
import type { ProjectModules } from './projectModules';
import { escapeRegExp, mentionOf, mentionsModule } from './nameSearch';
import { isOwnExport } from './isOwnExport';
import { MENTIONS_BOSS } from './queueMethods';
import { isModuleExports, moduleExportName } from './readModuleExport';

/** A call of a wrapper function, where it is made. */
export interface CallSite {
  /** Absolute path of the file the call is in. */
  readonly file: string;
  readonly source: SourceFile;
  readonly call: TSESTree.CallExpression;
}

/** Every call of one function the program makes, as far as the code shows them. */
export interface Callers {
  readonly sites: readonly CallSite[];
  /**
   * False when the function is also reached in a way whose arguments cannot be read: passed as a value,
   * called through a receiver that may be something else, or more calls than the bound.
   */
  readonly complete: boolean;
}

/** More call sites than this for one function are not followed: its names stay unknown. */
export const MAX_CALL_SITES = 200;

const NO_CALLERS: Callers = { sites: [], complete: false };

/** How a wrapper is reached: through a variable (a function or an arrow `const`), or as a method by name. */
type Handle =
  | { readonly kind: 'variable'; readonly variable: TSESLint.Scope.Variable; readonly exportedAs: readonly string[] }
  | { readonly kind: 'method'; readonly name: string; readonly owner: TSESTree.Node; readonly ownerName?: string };

/**
 * Finds the calls of a wrapper function across the program: `ensureQueue(name)` in its own file and in
 * the files that import it (also through re-exports and workspace packages), `this.ensureQueue(name)` in
 * its class, and `queueService.ensureQueue(name)` where the receiver is named for the class. A file is
 * parsed only when its text names the function.
 */
export class ProgramCallers {
  private readonly found = new Map<FunctionNode, Callers>();
  /** Set when some function had more call sites than MAX_CALL_SITES. */
  boundReached = false;

  /** `texts`: every file of the program with its text, read once by the scan. */
  constructor(
    private readonly modules: ProjectModules,
    private readonly texts: ReadonlyMap<string, string>,
  ) {}

  callersOf(file: string, source: SourceFile, fn: FunctionNode): Callers {
    let callers = this.found.get(fn);
    if (!callers) {
      callers = this.find(file, source, fn);
      if (callers.sites.length > MAX_CALL_SITES) {
        this.boundReached = true;
        callers = NO_CALLERS;
      }
      this.found.set(fn, callers);
    }
    return callers;
  }

  private find(file: string, source: SourceFile, fn: FunctionNode): Callers {
    const handle = handleOf(source, fn);
    if (!handle) return NO_CALLERS;
    return handle.kind === 'variable'
      ? this.variableCallers(file, source, handle.variable, handle.exportedAs)
      : this.methodCallers(file, source, handle);
  }

  private variableCallers(
    file: string,
    source: SourceFile,
    variable: TSESLint.Scope.Variable,
    exportedAs: readonly string[],
  ): Callers {
    const sites: CallSite[] = [];
    let complete = true;
    const exported = [...exportedAs];
    for (const reference of variable.references) {
      const use = classifyReference(reference.identifier);
      if (use.kind === 'call') sites.push({ file, source, call: use.call });
      else if (use.kind === 'export') exported.push(use.name);
      else if (!reference.init) complete = false;
    }
    for (const name of exported) {
      const imported = this.importedCallers(file, name);
      sites.push(...imported.sites);
      complete &&= imported.complete;
    }
    return { sites, complete };
  }

  /**
   * Calls of `name` exported by `origin`, in the files that import it: `f(…)` through a named, default or
   * destructured-`require` import, `ns.f(…)` through `import * as ns` or `const ns = require(…)`. A file
   * that names `f` but imports it in no way read here has calls that cannot be seen (a module object handed
   * around, a lookup by key, `import()`), unless it names it only in comments or for other bindings
   * (namesOnlyOthers).
   */
  private importedCallers(origin: string, name: string, followed = new Set<string>()): Callers {
    const sites: CallSite[] = [];
    let complete = true;
    // A module that passes the export on under the name it got it by, directly or round a cycle, adds no call.
    const key = `${origin}\0${name}`;
    if (followed.has(key)) return { sites, complete };
    followed.add(key);
    const mention = name === 'default' ? undefined : mentionOf(name);
    // A file that never names the export may still hand the module object on (`export const all = jobs`).
    const importsModule = mention && mentionsModule(origin);
    for (const [file, text] of this.texts) {
      if (file === origin) continue;
      const names = mention ? mention.test(text) : /import|require/i.test(text);
      if (!names && !importsModule?.test(text)) continue;
      const source = this.modules.source(file);
      if (!source) {
        if (mention && names) complete = false;
        continue;
      }
      const { locals, namespaces } = this.importsOf(file, source, origin, name);
      // `export { f as run } from './origin'`: the calls of `run` are the function's too.
      const passedOn = this.renamedReexports(file, source, origin, name);
      const read =
        locals.length > 0 ||
        namespaces.length > 0 ||
        passedOn.length > 0 ||
        this.exportsFrom(file, name, origin, name, 0);
      // `/** @jsx ensure */`: every JSX element of the file is a call of the factory it names, unread here.
      if ((locals.length > 0 || namespaces.length > 0) && /@jsx(?:Frag)?\s/.test(text)) complete = false;
      if (
        !read &&
        names &&
        (mention ? !this.namesOnlyOthers(file, source, origin, name, mention) : this.loadsUnread(file, source, origin))
      )
        complete = false;
      for (const local of locals) {
        for (const reference of local.references) {
          const use = classifyReference(reference.identifier);
          if (use.kind === 'call') sites.push({ file, source, call: use.call });
          else if (use.kind === 'export') passedOn.push(use.name);
          else if (!reference.init) complete = false;
        }
      }
      for (const namespace of namespaces) {
        for (const reference of namespace.references) {
          if (reference.init || !reference.isValueReference) continue;
          const member = reference.identifier.parent;
          // The module object itself handed on (`const jobs = ns`, `register(ns)`): its export may be called anywhere.
          const read =
            member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier
              ? getStaticPropertyName(member)
              : undefined;
          if (read !== undefined && read !== name) continue;
          const call = member?.parent;
          if (read === name && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member)
            sites.push({ file, source, call });
          else complete = false;
        }
      }
      // `import { f } from './origin'; export { f as run }` too.
      for (const exported of passedOn) {
        const more = this.importedCallers(file, exported, followed);
        sites.push(...more.sites);
        complete &&= more.complete;
      }
    }
    return { sites, complete };
  }

  /**
   * The local variables of `file` bound to export `name` of `origin` (named, default and destructured
   * `require` imports), and those bound to a module object that holds it (`import * as ns`, `const ns =
   * require(…)`).
   */
  private importsOf(
    file: string,
    source: SourceFile,
    origin: string,
    name: string,
  ): { locals: TSESLint.Scope.Variable[]; namespaces: TSESLint.Scope.Variable[] } {
    const locals: TSESLint.Scope.Variable[] = [];
    const namespaces: TSESLint.Scope.Variable[] = [];
    const manager = source.scopeManager;
    if (!manager) return { locals, namespaces };
    const holds = (target: string | undefined) =>
      target !== undefined && this.exportsFrom(target, name, origin, name, 0);
    walkNodes(source.ast, (node) => {
      if (node.type === AST_NODE_TYPES.ImportDeclaration) {
        const target = this.modules.resolve(file, node.source.value);
        if (!target) return;
        for (const specifier of node.specifiers) {
          if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
            if (holds(target)) namespaces.push(...manager.getDeclaredVariables(specifier));
            continue;
          }
          const imported =
            specifier.type === AST_NODE_TYPES.ImportSpecifier ? moduleExportName(specifier.imported) : 'default';
          if (this.exportsFrom(target, imported, origin, name, 0))
            locals.push(...manager.getDeclaredVariables(specifier));
          // `export * as jobs from './origin'` in the module imported from: `jobs` is a module object.
          else if (holds(this.namespaceExport(target, imported)))
            namespaces.push(...manager.getDeclaredVariables(specifier));
        }
      } else if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
        const loaded = loadedModule(node.init);
        const target = loaded === undefined ? undefined : this.modules.resolve(file, loaded);
        if (!target) return;
        if (node.id.type === AST_NODE_TYPES.Identifier) {
          if (holds(target)) namespaces.push(...manager.getDeclaredVariables(node));
          return;
        }
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern) return;
        for (const property of node.id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            property.value.type === AST_NODE_TYPES.Identifier &&
            this.exportsFrom(target, property.key.name, origin, name, 0)
          ) {
            const local = property.value;
            locals.push(...manager.getDeclaredVariables(node).filter((variable) => variable.name === local.name));
          }
        }
      }
    });
    return { locals, namespaces };
  }

  /**
   * Whether every place `file` names `name` (`mention`) is one where no export of `origin` can be: a comment,
   * a binding of the file's own that shares the name (isOwnBinding), or an import of the name from a module
   * that declares it itself. A string, a key, a member `x.name`, a global, or an import from a module that
   * may pass `origin`'s on is not: the export may be reached there in ways not followed (a module object
   * handed around, a lookup by key, `import()`, a framework's auto-import).
   */
  private namesOnlyOthers(file: string, source: SourceFile, origin: string, name: string, mention: RegExp): boolean {
    const manager = source.scopeManager;
    // A binding of its own may hold the export if the file loads the module in a way importsOf does not read.
    if (!manager || this.loadsUnread(file, source, origin)) return false;
    /** Where the identifiers bound to something other than `origin`'s export start. */
    const others = new Set<number>();
    for (const scope of manager.scopes) {
      const variable = scope.set.get(name);
      if (!variable || !variable.defs.every((def) => this.isOtherBinding(file, def, origin))) continue;
      // `{ f }` in a pattern or an object reads or writes a key of that name too: the twin identifier stays unbound.
      for (const def of variable.defs) if (!isShorthandKey(def.name)) others.add(def.name.range[0]);
      // Called, exported or named as a type only: a function handed around as a value gives away its name
      // (`ensure.name`, `const { name } = ensure`, `String(ensure)`), a key a lookup may use.
      for (const { identifier } of variable.references)
        if (!isShorthandKey(identifier) && isCalledOrNamed(identifier)) others.add(identifier.range[0]);
    }
    // Where the name is an identifier bound otherwise, one that may be the export, or text (a string, a
    // template, JSX text); where it is none of these, it is in a comment.
    const bound = new Set<number>();
    const unbound = new Set<number>();
    const inText = new Set<number>();
    const everywhere = new RegExp(mention.source, `${mention.flags}g`);
    let withStatement = false;
    walkNodes(source.ast, (node) => {
      if (
        node.type === AST_NODE_TYPES.Identifier ||
        node.type === AST_NODE_TYPES.JSXIdentifier ||
        node.type === AST_NODE_TYPES.PrivateIdentifier
      ) {
        // An identifier's range holds its type annotation too; a private name's starts at `#`.
        const start = node.range[0] + (node.type === AST_NODE_TYPES.PrivateIdentifier ? 1 : 0);
        if (node.name === name) (others.has(start) ? bound : unbound).add(start);
      } else if (node.type === AST_NODE_TYPES.WithStatement) {
        // `with (m) ensure()` reads `m.ensure` through what looks like a binding of the file.
        withStatement = true;
      } else if (
        node.type === AST_NODE_TYPES.Literal ||
        node.type === AST_NODE_TYPES.TemplateElement ||
        node.type === AST_NODE_TYPES.JSXText
      ) {
        const [start, end] = node.range;
        for (const { index } of source.text.slice(start, end).matchAll(everywhere)) inText.add(start + index);
      }
    });
    if (withStatement) return false;
    for (const { index } of source.text.matchAll(everywhere)) {
      // `{ f }`, `import { f }`, `export { f }`: two identifiers at one place, the name bound and the key or export.
      if (inText.has(index) || (unbound.has(index) && !bound.has(index))) return false;
    }
    return true;
  }

  /**
   * Whether `def` binds its name to something that is not `origin`'s export: isOwnBinding, or an import from
   * a module whose export of that name is its own code (isOwnExport), not one it passes on or lacks (a test's
   * mock may put another there).
   */
  private isOtherBinding(file: string, def: TSESLint.Scope.Definition, origin: string): boolean {
    if (def.type !== 'ImportBinding') return isOwnBinding(def);
    const declaration = def.parent;
    const specifier = def.node;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return false;
    if (
      declaration.importKind === 'type' ||
      (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type')
    )
      return true;
    const imported = getImportedExport(specifier);
    const target = this.modules.resolve(file, declaration.source.value);
    // A declaration file holds no code: what a module of it exports is the code's beside it.
    if (imported === undefined || target === undefined || target === origin || /\.d\.[cm]?ts$/.test(target))
      return false;
    const targetSource = this.modules.source(target);
    return targetSource !== null && isOwnExport(targetSource, imported);
  }

  /**
   * Whether `file` loads `origin`, or a module that may be it, other than in a declaration importsOf reads:
   * `import('./origin').then((m) => m.default(…))`, `require('./origin').default(…)`. A default export is
   * called there under no name a text search could find.
   */
  private loadsUnread(file: string, source: SourceFile, origin: string): boolean {
    const declared = new Set<TSESTree.Node>();
    let loads = false;
    walkNodes(source.ast, (node) => {
      if (loads) return;
      if (
        node.type === AST_NODE_TYPES.VariableDeclarator &&
        node.init &&
        loadedModule(node.init) !== undefined &&
        isReadPattern(node.id)
      ) {
        const init = skipTransparentWrappers(node.init);
        declared.add(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init);
        return;
      }
      const specifier =
        node.type === AST_NODE_TYPES.ImportExpression
          ? node.source
          : node.type === AST_NODE_TYPES.CallExpression && isModuleLoader(node.callee)
            ? node.arguments[0]
            : undefined;
      if (specifier === undefined || declared.has(node)) return;
      const loaded = getStaticString(specifier);
      const target = loaded === undefined ? undefined : this.modules.resolve(file, loaded);
      // An alias or package nothing resolves may be `origin` too; a relative path that resolves nowhere is not.
      loads = target === origin || (target === undefined && !loaded?.startsWith('.'));
    });
    return loads;
  }

  /** The module `file` exports whole as `exported` (`export * as exported from './m'`), if it does. */
  private namespaceExport(file: string, exported: string): string | undefined {
    const source = this.modules.source(file);
    for (const statement of source?.ast.body ?? []) {
      if (
        statement.type === AST_NODE_TYPES.ExportAllDeclaration &&
        statement.exported &&
        moduleExportName(statement.exported) === exported
      )
        return this.modules.resolve(file, statement.source.value);
    }
    return undefined;
  }

  /** The names `file` exports `origin`'s export `name` under, other than its own, with `export { name as x } from …`. */
  private renamedReexports(file: string, source: SourceFile, origin: string, name: string): string[] {
    const renamed: string[] = [];
    for (const statement of source.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || !statement.source) continue;
      const target = this.modules.resolve(file, statement.source.value);
      for (const specifier of statement.specifiers) {
        const local = moduleExportName(specifier.local);
        const exported = moduleExportName(specifier.exported);
        if (target && exported !== name && this.exportsFrom(target, local, origin, name, 0)) renamed.push(exported);
      }
    }
    return renamed;
  }

  /** Whether export `exported` of `file` is export `name` of `origin`, directly or through re-exports. */
  private exportsFrom(
    file: string,
    exported: string,
    origin: string,
    name: string,
    depth: number,
    // Each module's export is looked through once: modules that all `export *` one another would otherwise
    // be walked along every path, more than a minute for eight of them.
    seen = new Set<string>(),
  ): boolean {
    if (file === origin) return exported === name;
    const key = `${file}\0${exported}`;
    if (depth > 8 || seen.has(key)) return false;
    seen.add(key);
    const source = this.modules.source(file);
    if (!source) return false;
    for (const statement of source.ast.body) {
      if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source) {
        const target = this.modules.resolve(file, statement.source.value);
        for (const specifier of statement.specifiers) {
          if (
            target &&
            moduleExportName(specifier.exported) === exported &&
            this.exportsFrom(target, moduleExportName(specifier.local), origin, name, depth + 1, seen)
          )
            return true;
        }
      } else if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && !statement.exported) {
        const target = this.modules.resolve(file, statement.source.value);
        if (target && exported !== 'default' && this.exportsFrom(target, exported, origin, name, depth + 1, seen))
          return true;
      }
    }
    return false;
  }

  /**
   * A method's calls: `this.m(…)` inside its class or object, and `x.m(…)` anywhere whose receiver is
   * named for the class (`queueService`, `this.queueService`), is the class itself (static methods,
   * `Queues.getInstance().m(…)`). Any other `x.m(…)` on a receiver that is not pg-boss may be this
   * method too: the callers are then incomplete.
   */
  private methodCallers(file: string, source: SourceFile, handle: Extract<Handle, { kind: 'method' }>): Callers {
    const sites: CallSite[] = [];
    let complete = true;
    const mentioned = new RegExp(`\\.\\s*${mentionOf(handle.name).source}`, 'u');
    const called = new RegExp(`\\.\\s*${escapeRegExp(handle.name)}\\s*[(<]`);
    // `queue_service`, `QueueService`, `IQueueService`: a file that can name the owner at all.
    const ownerMention =
      handle.ownerName === undefined ? undefined : new RegExp([...handle.ownerName].map(escapeRegExp).join('_?'), 'i');
    for (const [otherFile, text] of this.texts) {
      if (!mentioned.test(text)) continue;
      if (otherFile !== file && !ownerMention?.test(text) && !MENTIONS_BOSS.test(text)) {
        // Nothing here can be the owner (or pg-boss, whose calls are not the wrapper's): a call is someone else's
        // method of the same name, or this one reached in a way that cannot be followed.
        if (called.test(text)) complete = false;
        continue;
      }
      const otherSource = otherFile === file ? source : this.modules.source(otherFile);
      if (!otherSource) continue;
      walkNodes(otherSource.ast, (node) => {
        if (node.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(node) !== handle.name) return;
        const call = node.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) {
          // `.m` read as a value (`.then(this.m)`, `this.m.bind(this)`): called where we cannot follow.
          if (node.object.type === AST_NODE_TYPES.ThisExpression && isInside(node, handle.owner)) complete = false;
          return;
        }
        const receiver = skipTransparentWrappers(node.object);
        if (receiver.type === AST_NODE_TYPES.ThisExpression || receiver.type === AST_NODE_TYPES.Super) {
          if (isInside(node, handle.owner)) sites.push({ file: otherFile, source: otherSource, call });
          return;
        }
        if (isPgBossReceiverBySyntax(otherSource, receiver)) return;
        if (
          handle.ownerName !== undefined &&
          (receiverNames(receiver).some((name) => namesOwner(name, handle.ownerName!)) ||
            refersToOwner(otherSource, receiver, new RegExp(`\\w*${escapeRegExp(handle.ownerName)}\\b`), 0))
        )
          sites.push({ file: otherFile, source: otherSource, call });
        else complete = false;
      });
    }
    return { sites, complete };
  }
}

/** What a reference to a function variable does with it. */
function classifyReference(
  identifier: TSESTree.Identifier | TSESTree.JSXIdentifier,
): { kind: 'call'; call: TSESTree.CallExpression } | { kind: 'export'; name: string } | { kind: 'other' } {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier)
    return { kind: 'call', call: parent };
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier)
    return { kind: 'export', name: moduleExportName(parent.exported) };
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { kind: 'export', name: 'default' };
  const exported = commonJsExportName(identifier);
  return exported === undefined ? { kind: 'other' } : { kind: 'export', name: exported };
}

/** `module.exports = { f }`, `module.exports.f = f`, `exports.f = f`: the name `f` is exported under. */
function commonJsExportName(identifier: TSESTree.Node): string | undefined {
  const parent = identifier.parent;
  if (
    parent?.type === AST_NODE_TYPES.Property &&
    parent.value === identifier &&
    parent.parent.type === AST_NODE_TYPES.ObjectExpression &&
    parent.parent.parent.type === AST_NODE_TYPES.AssignmentExpression &&
    isModuleExports(parent.parent.parent.left)
  )
    return parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier) {
    if (isModuleExports(parent.left)) return 'default';
    if (parent.left.type === AST_NODE_TYPES.MemberExpression) {
      const object = parent.left.object;
      if (isModuleExports(object) || (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports'))
        return getStaticPropertyName(parent.left);
    }
  }
  return undefined;
}

/** The variable or method a function is reached through, and where it is exported from its file. */
function handleOf(source: SourceFile, fn: FunctionNode): Handle | undefined {
  const manager = source.scopeManager;
  if (!manager) return undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    const variable = manager.getDeclaredVariables(fn).find((candidate) => candidate.defs[0]?.type === 'FunctionName');
    if (!variable) return undefined;
    const parent = fn.parent;
    const exportedAs =
      parent.type === AST_NODE_TYPES.ExportNamedDeclaration
        ? [variable.name]
        : parent.type === AST_NODE_TYPES.ExportDefaultDeclaration
          ? ['default']
          : [];
    return { kind: 'variable', variable, exportedAs };
  }
  let holder: TSESTree.Node = fn;
  while (holder.parent && skipTransparentWrappers(holder.parent) === fn) holder = holder.parent;
  const parent = holder.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === holder) {
    if (parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = manager.getDeclaredVariables(parent)[0];
    if (!variable) return undefined;
    const exported = parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
    return { kind: 'variable', variable, exportedAs: exported ? [variable.name] : [] };
  }
  if (
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    !parent.computed &&
    parent.key.type === AST_NODE_TYPES.Identifier
  ) {
    const owner = parent.parent.parent;
    const ownerName =
      owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression
        ? (owner.id?.name ?? classVariableName(owner))
        : undefined;
    return { kind: 'method', name: parent.key.name, owner, ownerName };
  }
  if (
    parent?.type === AST_NODE_TYPES.Property &&
    parent.value === holder &&
    !parent.computed &&
    parent.key.type === AST_NODE_TYPES.Identifier &&
    parent.parent.type === AST_NODE_TYPES.ObjectExpression
  ) {
    const object = parent.parent;
    const declarator = object.parent;
    const ownerName =
      declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier
        ? declarator.id.name
        : undefined;
    return { kind: 'method', name: parent.key.name, owner: object, ownerName };
  }
  return undefined;
}

function classVariableName(node: TSESTree.ClassExpression | TSESTree.ClassDeclaration): string | undefined {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : undefined;
}

/** `svc` → [svc]; `this.queueService` → [queueService]; `Queues.getInstance()` → [Queues]. */
function receiverNames(receiver: TSESTree.Node): string[] {
  const node = skipTransparentWrappers(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) return [node.name];
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(node);
    return name === undefined ? [] : [name];
  }
  if (node.type === AST_NODE_TYPES.AwaitExpression) return receiverNames(node.argument);
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression)
    return receiverNames(node.callee.object);
  return [];
}

/** `queueService`, `QueueService`, `queue_service` all name the class `QueueService`. */
function namesOwner(name: string, owner: string): boolean {
  return name.replace(/_/g, '').toLowerCase() === owner.replace(/_/g, '').toLowerCase();
}

/** Function returns are followed this many calls deep when looking for what a receiver holds. */
const MAX_RECEIVER_DEPTH = 3;

/**
 * Whether what `receiver` holds is declared or made with the owner's name: `const scheduler = await
 * JobScheduler.getInstance()`, `let jobs: IJobScheduler`, or returned by a function of the file that
 * returns such a variable (`const scheduler = await initializeScheduler()`).
 */
function refersToOwner(source: SourceFile, receiver: TSESTree.Node, owner: RegExp, depth: number): boolean {
  if (depth > MAX_RECEIVER_DEPTH) return false;
  const node = skipTransparentWrappers(receiver);
  const text = (part: TSESTree.Node) => source.text.slice(part.range[0], part.range[1]);
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return refersToOwner(source, node.argument, owner, depth);
    case AST_NODE_TYPES.Identifier: {
      const def = resolveIdentifier(source, node)?.defs[0];
      if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
      const { typeAnnotation } = def.node.id;
      if (typeAnnotation && owner.test(text(typeAnnotation))) return true;
      return def.node.init ? refersToOwner(source, def.node.init, owner, depth + 1) : false;
    }
    case AST_NODE_TYPES.CallExpression: {
      if (owner.test(text(node.callee))) return true;
      const fn = node.callee.type === AST_NODE_TYPES.Identifier ? localFunction(source, node.callee) : undefined;
      if (!fn) return false;
      if (fn.returnType && owner.test(text(fn.returnType))) return true;
      return returnedExpressions(fn).some((returned) => refersToOwner(source, returned, owner, depth + 1));
    }
    case AST_NODE_TYPES.NewExpression:
      return owner.test(text(node.callee));
    default:
      return false;
  }
}

/** The function a name of this file holds: `function f() {}` or `const f = () => …`. */
function localFunction(source: SourceFile, identifier: TSESTree.Identifier): FunctionNode | undefined {
  const def = resolveIdentifier(source, identifier)?.defs[0];
  if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def?.type === 'Variable' && def.node.init) {
    const init = skipTransparentWrappers(def.node.init);
    if (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression)
      return init;
  }
  return undefined;
}

/** What a function returns: its expression body, or the arguments of its own `return` statements. */
function returnedExpressions(fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: TSESTree.Node[] = [];
  walkNodes(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && enclosingFunction(node) === fn)
      returned.push(node.argument);
  });
  return returned;
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

function isInside(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent)
    if (current === ancestor) return true;
  return false;
}

/**
 * Whether `def` binds a name of the file's own to code of its own, which cannot be another module's export: a
 * function declared there, a `const` that is a function written there, or a type. Not a parameter, a `catch`
 * binding or any other variable, which may be handed another module's function (`run(Object.values(jobs)[1])`),
 * nor a class (whose static code reads its name, `this.name`, as a string), nor an ambient declaration
 * (`declare`, `declare global`), whose code is elsewhere.
 */
function isOwnBinding(def: TSESLint.Scope.Definition): boolean {
  switch (def.type) {
    case 'Type':
      return true;
    case 'FunctionName':
      return def.node.type !== AST_NODE_TYPES.TSDeclareFunction && !isAmbient(def.node);
    case 'Variable': {
      const init = def.node.init && skipTransparentWrappers(def.node.init);
      return (
        def.parent.kind === 'const' &&
        !def.parent.declare &&
        def.node.id === def.name &&
        !isAmbient(def.node) &&
        (init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression)
      );
    }
    default:
      return false;
  }
}

/** Inside a `declare global`, `declare module` or `namespace` block. */
function isAmbient(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent)
    if (current.type === AST_NODE_TYPES.TSModuleDeclaration) return true;
  return false;
}

/** `f(…)`, `new f()`, `export { f }`, or `f` in a type: a use of a function that does not hand it over as a value. */
function isCalledOrNamed(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee === identifier
  )
    return true;
  return (
    parent.type === AST_NODE_TYPES.ExportSpecifier ||
    parent.type === AST_NODE_TYPES.TSTypeReference ||
    parent.type === AST_NODE_TYPES.TSTypeQuery
  );
}

/** `f` in `{ f }` or `{ f = x }`: a name that is also the key read. */
function isShorthandKey(name: TSESTree.Node): boolean {
  let parent = name.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === name) parent = parent.parent;
  return parent?.type === AST_NODE_TYPES.Property && parent.shorthand;
}

/** `require`, and a test runner's or module's loader: `jest.requireActual`, `vi.importActual`, `module.require`. */
function isModuleLoader(callee: TSESTree.Node): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'require';
  return (
    callee.type === AST_NODE_TYPES.MemberExpression && /^(?:require|import)/i.test(getStaticPropertyName(callee) ?? '')
  );
}

/** `m` or `{ a, b: c }`: a binding of a loaded module that importsOf reads (no computed key, rest or nesting). */
function isReadPattern(id: TSESTree.BindingName): boolean {
  return (
    id.type === AST_NODE_TYPES.Identifier ||
    (id.type === AST_NODE_TYPES.ObjectPattern &&
      id.properties.every(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.value.type === AST_NODE_TYPES.Identifier,
      ))
  );
}
