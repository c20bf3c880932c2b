import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getImportedName } from '../util/getImportedName';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { isRequireCall } from '../util/isRequireCall';
import type { SourceFile } from '../util/sourceFile';
import { detectCodeStyle, type CodeStyle, type LineEnding } from './codeStyle';
import { isCommonJsFile } from './isCommonJsFile';
import type { TextEdit } from './textEdit';

/** The runtime's two entry points a rewrite calls: the one that returns the outcome, and its `Promise<void>` twin. */
export type HelperName = 'safeCreateQueue' | 'ensureQueue';

/** How the rewritten calls reach the helpers: the expression to call for each, and the edit that makes them available. */
export interface HelperImport {
  /** Per helper: its name, an alias when that name is taken, or `runtime.safeCreateQueue` through a namespace. */
  readonly references: ReadonlyMap<HelperName, string>;
  /** Absent when the file already imports every helper asked for. */
  readonly edit: TextEdit | undefined;
}

/**
 * Makes each of `helpers` from `importSource` callable in the file exactly once: reuses an existing
 * import, merges into an existing import or destructuring `require` of that module, or adds one
 * (`import` in ES modules, `require` in CommonJS) after the file's last import, in its quote style and
 * line ending.
 * New bindings follow the order of `helpers`, so importing them one call at a time (the rule's
 * suggestions) and all at once (the codemod) give the same line.
 */
export function planHelperImport(
  source: SourceFile,
  importSource: string,
  helpers: readonly HelperName[],
): HelperImport {
  let planned = plansByFile.get(source.ast);
  if (!planned) plansByFile.set(source.ast, (planned = new Map()));
  const key = `${importSource}\0${helpers.join()}`;
  let plan = planned.get(key);
  if (!plan) {
    const style = detectCodeStyle(source.text, source.ast);
    plan = isCommonJsFile(source.ast)
      ? planRequire(source, importSource, helpers, style)
      : planImport(source, importSource, helpers, style);
    planned.set(key, plan);
  }
  return plan;
}

/**
 * Per parsed file, by module and helpers: the rule plans one rewrite per report, and the same import
 * for each of a file's thousands of calls (looking up every scope for a free name) made the reports
 * cost more the more calls a file had.
 */
const plansByFile = new WeakMap<TSESTree.Program, Map<string, HelperImport>>();

/** Local names for the helpers not yet reachable, and the bindings that declare them (`ensureQueue as ensureQueue2`). */
function bindMissing(
  source: SourceFile,
  helpers: readonly HelperName[],
  references: Map<HelperName, string>,
  aliasSeparator: ' as ' | ': ',
): string[] {
  const bindings: string[] = [];
  for (const helper of helpers) {
    if (references.has(helper)) continue;
    const local = chooseLocalName(source, helper);
    references.set(helper, local);
    bindings.push(local === helper ? helper : `${helper}${aliasSeparator}${local}`);
  }
  return bindings;
}

function planImport(
  source: SourceFile,
  importSource: string,
  helpers: readonly HelperName[],
  style: CodeStyle,
): HelperImport {
  const imports = source.ast.body.filter(
    (node): node is TSESTree.ImportDeclaration => node.type === AST_NODE_TYPES.ImportDeclaration,
  );
  const existing = imports.filter((node) => node.source.value === importSource && node.importKind !== 'type');
  const references = new Map<HelperName, string>();
  for (const helper of helpers) {
    const reference = findImportedReference(existing, helper);
    if (reference !== undefined) references.set(helper, reference);
  }
  const bindings = bindMissing(source, helpers, references, ' as ');
  if (bindings.length === 0) return { references, edit: undefined };
  const list = bindings.join(', ');
  for (const declaration of existing) {
    const named = declaration.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named.at(-1);
    if (last) return { references, edit: { range: [last.range[1], last.range[1]], text: `, ${list}` } };
    const [defaultSpecifier] = declaration.specifiers;
    if (defaultSpecifier?.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
      return {
        references,
        edit: { range: [defaultSpecifier.range[1], defaultSpecifier.range[1]], text: `, { ${list} }` },
      };
    }
  }
  const statement = `import { ${list} } from ${quoted(importSource, style)}${style.semicolon ? ';' : ''}`;
  const lastImport = source.ast.body
    .filter(
      (node) =>
        node.type === AST_NODE_TYPES.ImportDeclaration || node.type === AST_NODE_TYPES.TSImportEqualsDeclaration,
    )
    .at(-1);
  return { references, edit: insertStatement(source, lastImport, statement, style.lineEnding) };
}

/** How an existing import of the helpers' module reaches `helper`: `ns.safeCreateQueue`, or its local name. */
function findImportedReference(
  declarations: readonly TSESTree.ImportDeclaration[],
  helper: HelperName,
): string | undefined {
  for (const declaration of declarations) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return `${specifier.local.name}.${helper}`;
      if (
        specifier.type === AST_NODE_TYPES.ImportSpecifier &&
        getImportedName(specifier) === helper &&
        specifier.importKind !== 'type'
      )
        return specifier.local.name;
    }
  }
  return undefined;
}

function planRequire(
  source: SourceFile,
  importSource: string,
  helpers: readonly HelperName[],
  style: CodeStyle,
): HelperImport {
  const requires = source.ast.body.filter(
    (node): node is TSESTree.VariableDeclaration =>
      node.type === AST_NODE_TYPES.VariableDeclaration &&
      node.declarations.some((declarator) => declarator.init != null && isRequireCall(declarator.init)),
  );
  const declarators = requires
    .flatMap((node) => node.declarations)
    .filter((declarator) => declarator.init != null && isRequireCall(declarator.init, importSource));
  const references = new Map<HelperName, string>();
  for (const helper of helpers) {
    for (const { id } of declarators) {
      if (id.type === AST_NODE_TYPES.Identifier) references.set(helper, `${id.name}.${helper}`);
      else if (id.type === AST_NODE_TYPES.ObjectPattern) {
        const property = id.properties.find(
          (candidate) =>
            candidate.type === AST_NODE_TYPES.Property &&
            getPropertyKeyName(candidate) === helper &&
            candidate.value.type === AST_NODE_TYPES.Identifier,
        );
        if (property) references.set(helper, ((property as TSESTree.Property).value as TSESTree.Identifier).name);
      }
      if (references.has(helper)) break;
    }
  }
  const bindings = bindMissing(source, helpers, references, ': ');
  if (bindings.length === 0) return { references, edit: undefined };
  const list = bindings.join(', ');
  const pattern = declarators
    .map(({ id }) => id)
    .find((id): id is TSESTree.ObjectPattern => id.type === AST_NODE_TYPES.ObjectPattern);
  const lastProperty = pattern?.properties.at(-1);
  if (lastProperty && lastProperty.type === AST_NODE_TYPES.Property) {
    return { references, edit: { range: [lastProperty.range[1], lastProperty.range[1]], text: `, ${list}` } };
  }
  const statement = `const { ${list} } = require(${quoted(importSource, style)})${style.semicolon ? ';' : ''}`;
  const lastRequire = source.ast.body.filter(isRequireStatement).at(-1);
  return { references, edit: insertStatement(source, lastRequire, statement, style.lineEnding) };
}

/**
 * A top-level statement that loads a module with `require`, as written or as compilers emit it:
 * `const x = require('x')`, `require('x').y`, `require('x')(options)`, `__importDefault(require('x'))`,
 * and `require('x')` or `__exportStar(require('./x'), exports)` on their own.
 */
function isRequireStatement(statement: TSESTree.ProgramStatement): boolean {
  const loads = (node: TSESTree.Node | null): boolean =>
    node !== null &&
    ((node.type === AST_NODE_TYPES.CallExpression &&
      (loads(node.callee) || node.arguments.some((argument) => isRequireCall(argument)) || isRequireCall(node))) ||
      (node.type === AST_NODE_TYPES.MemberExpression && loads(node.object)));
  if (statement.type === AST_NODE_TYPES.VariableDeclaration)
    return statement.declarations.some((declarator) => loads(declarator.init));
  return statement.type === AST_NODE_TYPES.ExpressionStatement && loads(statement.expression);
}

function quoted(value: string, style: CodeStyle): string {
  // Module names rarely hold a backslash or the quote: most take no replacing.
  const escaped =
    value.includes('\\') || value.includes(style.quote)
      ? value.replaceAll('\\', '\\\\').replaceAll(style.quote, `\\${style.quote}`)
      : value;
  return `${style.quote}${escaped}${style.quote}`;
}

/**
 * The helper's own name, or `safeCreateQueue2`, `safeCreateQueue3`… when the file already declares or
 * reads that name anywhere: an inner declaration would shadow the import at some call sites.
 */
function chooseLocalName(source: SourceFile, helper: HelperName): string {
  const manager = source.scopeManager;
  const isTaken = (name: string): boolean =>
    manager !== null &&
    (manager.scopes.some((scope) => scope.set.has(name)) ||
      manager.globalScope?.through.some((reference) => reference.identifier.name === name) === true);
  let name: string = helper;
  for (let suffix = 2; isTaken(name); suffix++) name = `${helper}${suffix}`;
  return name;
}

/**
 * Adds `statement` on its own line after `anchor` (the file's last import or require), or, without
 * one, above the first statement after any directive prologue ('use strict', 'use client'), so a
 * header comment stays on top.
 */
function insertStatement(
  source: SourceFile,
  anchor: TSESTree.Node | undefined,
  statement: string,
  newline: LineEnding,
): TextEdit {
  const { text, ast } = source;
  const after =
    anchor ??
    ast.body.filter((node) => node.type === AST_NODE_TYPES.ExpressionStatement && node.directive !== undefined).at(-1);
  if (after) {
    const lineEnd = text.indexOf('\n', after.range[1]);
    if (lineEnd === -1) return { range: [text.length, text.length], text: `${newline}${statement}` };
    const blankLine = anchor ? '' : newline;
    return { range: [lineEnd + 1, lineEnd + 1], text: `${blankLine}${statement}${newline}` };
  }
  const first = ast.body[0];
  const offset = first ? first.range[0] : text.length;
  return { range: [offset, offset], text: `${statement}${newline}${newline}` };
}
