import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getStaticString } from '../util/getStaticPropertyName';
import { isRequireCall } from '../util/isRequireCall';
import type { SourceFile } from '../util/sourceFile';
import { detectCodeStyle, type CodeStyle } from './codeStyle';
import { isCommonJsFile } from './isCommonJsFile';
import type { TextEdit } from './textEdit';

const HELPER_NAME = 'safeCreateQueue';

/** How the rewritten calls reach the helper: the expression to call, and the edit that makes it available. */
export interface HelperImport {
  /** `safeCreateQueue`, an alias when that name is taken, or `runtime.safeCreateQueue` through a namespace. */
  readonly reference: string;
  /** Absent when the file already imports the helper. */
  readonly edit: TextEdit | undefined;
}

/**
 * Makes `safeCreateQueue` from `importSource` callable in the file exactly once: reuses an existing
 * import, merges into an existing import or destructuring `require` of that module, or adds one
 * (`import` in ES modules, `require` in CommonJS) after the file's last import, in its quote style.
 */
export function planHelperImport(source: SourceFile, importSource: string): HelperImport {
  const style = detectCodeStyle(source.text, source.ast);
  return isCommonJsFile(source.ast)
    ? planRequire(source, importSource, style)
    : planImport(source, importSource, style);
}

function planImport(source: SourceFile, importSource: string, style: CodeStyle): HelperImport {
  const imports = source.ast.body.filter(
    (node): node is TSESTree.ImportDeclaration => node.type === AST_NODE_TYPES.ImportDeclaration,
  );
  const existing = imports.filter((node) => node.source.value === importSource && node.importKind !== 'type');
  for (const declaration of existing) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier)
        return { reference: `${specifier.local.name}.${HELPER_NAME}`, edit: undefined };
      if (
        specifier.type === AST_NODE_TYPES.ImportSpecifier &&
        importedName(specifier) === HELPER_NAME &&
        specifier.importKind !== 'type'
      ) {
        return { reference: specifier.local.name, edit: undefined };
      }
    }
  }
  const local = chooseLocalName(source);
  const binding = local === HELPER_NAME ? HELPER_NAME : `${HELPER_NAME} as ${local}`;
  for (const declaration of existing) {
    const named = declaration.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named.at(-1);
    if (last) return { reference: local, edit: { range: [last.range[1], last.range[1]], text: `, ${binding}` } };
    const [defaultSpecifier] = declaration.specifiers;
    if (defaultSpecifier?.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
      return {
        reference: local,
        edit: { range: [defaultSpecifier.range[1], defaultSpecifier.range[1]], text: `, { ${binding} }` },
      };
    }
  }
  const statement = `import { ${binding} } from ${quoted(importSource, style)}${style.semicolon ? ';' : ''}`;
  const lastImport = source.ast.body
    .filter(
      (node) =>
        node.type === AST_NODE_TYPES.ImportDeclaration || node.type === AST_NODE_TYPES.TSImportEqualsDeclaration,
    )
    .at(-1);
  return { reference: local, edit: insertStatement(source, lastImport, statement) };
}

function planRequire(source: SourceFile, importSource: string, style: CodeStyle): HelperImport {
  const requires = source.ast.body.filter(
    (node): node is TSESTree.VariableDeclaration =>
      node.type === AST_NODE_TYPES.VariableDeclaration &&
      node.declarations.some((declarator) => declarator.init != null && isRequireCall(declarator.init)),
  );
  const declarators = requires
    .flatMap((node) => node.declarations)
    .filter((declarator) => declarator.init != null && isRequireCall(declarator.init, importSource));
  for (const { id } of declarators) {
    if (id.type === AST_NODE_TYPES.Identifier) return { reference: `${id.name}.${HELPER_NAME}`, edit: undefined };
    if (id.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of id.properties) {
      if (
        property.type === AST_NODE_TYPES.Property &&
        propertyKey(property) === HELPER_NAME &&
        property.value.type === AST_NODE_TYPES.Identifier
      ) {
        return { reference: property.value.name, edit: undefined };
      }
    }
  }
  const local = chooseLocalName(source);
  const binding = local === HELPER_NAME ? HELPER_NAME : `${HELPER_NAME}: ${local}`;
  const pattern = declarators
    .map(({ id }) => id)
    .find((id): id is TSESTree.ObjectPattern => id.type === AST_NODE_TYPES.ObjectPattern);
  const lastProperty = pattern?.properties.at(-1);
  if (lastProperty && lastProperty.type === AST_NODE_TYPES.Property) {
    return { reference: local, edit: { range: [lastProperty.range[1], lastProperty.range[1]], text: `, ${binding}` } };
  }
  const statement = `const { ${binding} } = require(${quoted(importSource, style)})${style.semicolon ? ';' : ''}`;
  return { reference: local, edit: insertStatement(source, requires.at(-1), statement) };
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

function propertyKey(property: TSESTree.Property): string | undefined {
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : getStaticString(property.key);
}

function quoted(value: string, style: CodeStyle): string {
  return `${style.quote}${value.replaceAll('\\', '\\\\').replaceAll(style.quote, `\\${style.quote}`)}${style.quote}`;
}

/**
 * `safeCreateQueue`, or `safeCreateQueue2`, `safeCreateQueue3`… when the file already declares or
 * reads that name anywhere: an inner declaration would shadow the import at some call sites.
 */
function chooseLocalName(source: SourceFile): string {
  const manager = source.scopeManager;
  const isTaken = (name: string): boolean =>
    manager !== null &&
    (manager.scopes.some((scope) => scope.set.has(name)) ||
      manager.globalScope?.through.some((reference) => reference.identifier.name === name) === true);
  let name = HELPER_NAME;
  for (let suffix = 2; isTaken(name); suffix++) name = `${HELPER_NAME}${suffix}`;
  return name;
}

/**
 * Adds `statement` on its own line after `anchor` (the file's last import or require), or, without
 * one, above the first statement after any directive prologue ('use strict', 'use client'), so a
 * header comment stays on top.
 */
function insertStatement(source: SourceFile, anchor: TSESTree.Node | undefined, statement: string): TextEdit {
  const { text, ast } = source;
  const after =
    anchor ??
    ast.body.filter((node) => node.type === AST_NODE_TYPES.ExpressionStatement && node.directive !== undefined).at(-1);
  if (after) {
    const lineEnd = text.indexOf('\n', after.range[1]);
    if (lineEnd === -1) return { range: [text.length, text.length], text: `\n${statement}` };
    const blankLine = anchor ? '' : '\n';
    return { range: [lineEnd + 1, lineEnd + 1], text: `${blankLine}${statement}\n` };
  }
  const first = ast.body[0];
  const offset = first ? first.range[0] : text.length;
  return { range: [offset, offset], text: `${statement}\n\n` };
}
