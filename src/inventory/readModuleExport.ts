import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getStaticPropertyName } from '../util/getStaticPropertyName';
import { evaluateStatic } from './evaluateStatic';
import type { ProjectModules } from './projectModules';
import {
  MAX_DEPTH,
  ModuleNamespace,
  NO_BINDINGS,
  NotStaticError,
  type EvaluationScope,
  type StaticValue,
} from './staticValue';

/**
 * The value a file exports under `name`: `export const`, `export enum`, `export { a as name }` (also
 * re-exported from another file), `export *`, `export default`, and CommonJS `module.exports = { … }` or
 * `exports.name = …`.
 */
export function readModuleExport(
  modules: ProjectModules,
  file: string,
  name: string,
  at: TSESTree.Node,
  depth: number,
): StaticValue {
  if (depth > MAX_DEPTH) throw new NotStaticError(at);
  const source = modules.source(file);
  if (!source) throw new NotStaticError(at);
  const scope: EvaluationScope = { modules, file, source, bindings: NO_BINDINGS };
  const evaluate = (node: TSESTree.Node) => evaluateStatic(scope, node, depth + 1);
  const starFiles: string[] = [];
  for (const statement of source.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        const declaration = statement.declaration;
        if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name)
              return evaluate(declarator.id);
          }
        }
        if (declaration?.type === AST_NODE_TYPES.TSEnumDeclaration && declaration.id.name === name)
          return evaluate(declaration.id);
        for (const specifier of statement.specifiers) {
          if (moduleExportName(specifier.exported) !== name) continue;
          if (!statement.source) return evaluate(specifier.local);
          const target = modules.resolve(file, statement.source.value);
          if (!target) throw new NotStaticError(at);
          return readModuleExport(modules, target, moduleExportName(specifier.local), at, depth + 1);
        }
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        if (name === 'default') return evaluate(statement.declaration);
        break;
      case AST_NODE_TYPES.ExportAllDeclaration: {
        const target = modules.resolve(file, statement.source.value);
        if (statement.exported && moduleExportName(statement.exported) === name) {
          if (!target) throw new NotStaticError(at);
          return new ModuleNamespace(target);
        }
        if (!statement.exported && target) starFiles.push(target);
        break;
      }
      case AST_NODE_TYPES.ExpressionStatement: {
        const value = readCommonJsExport(statement.expression, name, evaluate);
        if (value !== NOT_EXPORTED) return value;
        break;
      }
      default:
        break;
    }
  }
  for (const target of starFiles) {
    try {
      return readModuleExport(modules, target, name, at, depth + 1);
    } catch (error) {
      if (!(error instanceof NotStaticError)) throw error;
    }
  }
  throw new NotStaticError(at);
}

const NOT_EXPORTED = Symbol('not exported');

function readCommonJsExport(
  expression: TSESTree.Expression,
  name: string,
  evaluate: (node: TSESTree.Node) => StaticValue,
): StaticValue | typeof NOT_EXPORTED {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return NOT_EXPORTED;
  const target = expression.left;
  if (isModuleExports(target)) {
    const exported = evaluate(expression.right);
    if (name === 'default') return exported;
    if (exported === null || typeof exported !== 'object' || Array.isArray(exported)) return NOT_EXPORTED;
    return Object.hasOwn(exported, name) ? (exported as Record<string, StaticValue>)[name] : NOT_EXPORTED;
  }
  if (
    target.type === AST_NODE_TYPES.MemberExpression &&
    getStaticPropertyName(target) === name &&
    ((target.object.type === AST_NODE_TYPES.Identifier && target.object.name === 'exports') ||
      isModuleExports(target.object))
  )
    return evaluate(expression.right);
  return NOT_EXPORTED;
}

/** `module.exports`. */
export function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    getStaticPropertyName(node) === 'exports'
  );
}

export function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}
