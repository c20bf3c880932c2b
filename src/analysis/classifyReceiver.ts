import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getStaticPropertyName } from '../util/getStaticPropertyName';
import { classifyPgBossBinding, isPgBossClassMember, PG_BOSS_CLASS } from './pgBossImports';
import { isFunctionNode, resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';

/**
 * What the syntax says a receiver is: a pg-boss instance, provably something else, or unknown
 * (then its name decides).
 */
export type ReceiverKind = 'pg-boss' | 'other' | 'unknown';

/** Aliases are followed this far; deeper chains are unusual and treated as unknown. */
const MAX_ALIAS_DEPTH = 5;

const BOSS_NAME = /boss/i;

/** The untyped answer to "is this createQueue receiver a pg-boss instance?". */
export function isPgBossReceiverBySyntax(source: SourceFile, receiver: TSESTree.Node): boolean {
  const kind = classifyReceiver(source, receiver, 0);
  if (kind !== 'unknown') return kind === 'pg-boss';
  const name = getLastName(skipTransparentWrappers(receiver));
  return name !== undefined && BOSS_NAME.test(name);
}

/** `boss` → boss, `this.#boss` → #boss, `services.pgBoss` → pgBoss; calls and other shapes have none. */
function getLastName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(node);
  return undefined;
}

function classifyReceiver(source: SourceFile, node: TSESTree.Node, depth: number): ReceiverKind {
  if (depth > MAX_ALIAS_DEPTH) return 'unknown';
  const expression = skipTransparentWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.NewExpression:
      return isPgBossConstructor(source, expression.callee) ? 'pg-boss' : 'other';
    case AST_NODE_TYPES.ThisExpression:
      // `this.createQueue(...)` inside a class of our own: its method, not pg-boss's.
      return 'other';
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveIdentifier(source, expression);
      return variable ? classifyVariable(source, variable, depth) : 'unknown';
    }
    case AST_NODE_TYPES.MemberExpression:
      return expression.object.type === AST_NODE_TYPES.ThisExpression
        ? classifyClassMember(source, expression, depth)
        : 'unknown';
    default:
      return 'unknown';
  }
}

function isPgBossConstructor(source: SourceFile, callee: TSESTree.Node): boolean {
  const expression = skipTransparentWrappers(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveIdentifier(source, expression);
    return variable !== null && classifyPgBossBinding(variable) === 'class';
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTransparentWrappers(expression.object);
    const variable = object.type === AST_NODE_TYPES.Identifier ? resolveIdentifier(source, object) : null;
    return isPgBossClassMember(expression, variable ? classifyPgBossBinding(variable) : undefined);
  }
  return false;
}

function classifyVariable(source: SourceFile, variable: TSESLint.Scope.Variable, depth: number): ReceiverKind {
  for (const def of variable.defs) {
    const annotated = getAnnotatedType(def.name);
    if (annotated) return classifyTypeAnnotation(source, annotated);
  }
  const kinds = variable.references
    .map((reference) => reference.writeExpr)
    .filter((value): value is TSESTree.Expression => value != null)
    .map((value) => classifyReceiver(source, value, depth + 1));
  if (kinds.includes('pg-boss')) return 'pg-boss';
  if (kinds.length > 0 && kinds.every((kind) => kind === 'other')) return 'other';
  return 'unknown';
}

function getAnnotatedType(name: TSESTree.Node): TSESTree.TypeNode | undefined {
  if (name.type === AST_NODE_TYPES.Identifier) return name.typeAnnotation?.typeAnnotation;
  return undefined;
}

/** `PgBoss`, `PgBoss | undefined`, `pgBoss.PgBoss`, `import('pg-boss').PgBoss` … */
function classifyTypeAnnotation(source: SourceFile, type: TSESTree.TypeNode): ReceiverKind {
  switch (type.type) {
    case AST_NODE_TYPES.TSUnionType: {
      const kinds = type.types.map((member) => classifyTypeAnnotation(source, member));
      if (kinds.includes('pg-boss')) return 'pg-boss';
      return kinds.includes('unknown') ? 'unknown' : 'other';
    }
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
      return 'other';
    case AST_NODE_TYPES.TSTypeReference:
      return classifyTypeName(source, type.typeName);
    case AST_NODE_TYPES.TSImportType:
      return type.qualifier?.type === AST_NODE_TYPES.Identifier && type.qualifier.name === PG_BOSS_CLASS
        ? 'pg-boss'
        : 'unknown';
    default:
      return 'unknown';
  }
}

function classifyTypeName(source: SourceFile, name: TSESTree.EntityName): ReceiverKind {
  if (name.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveIdentifier(source, name);
    if (!variable) return 'unknown';
    const binding = classifyPgBossBinding(variable);
    if (binding === 'class') return 'pg-boss';
    // A type declared or imported from elsewhere (SQSClient, an own class) is provably not pg-boss.
    return binding === undefined && variable.defs.length > 0 ? 'other' : 'unknown';
  }
  if (
    name.type === AST_NODE_TYPES.TSQualifiedName &&
    name.right.name === PG_BOSS_CLASS &&
    name.left.type === AST_NODE_TYPES.Identifier
  ) {
    const variable = resolveIdentifier(source, name.left);
    return variable && classifyPgBossBinding(variable) !== undefined ? 'pg-boss' : 'unknown';
  }
  return 'unknown';
}

/** `this.boss`: the class field's annotation or initialiser, a constructor parameter property, or `this.boss = …`. */
function classifyClassMember(source: SourceFile, member: TSESTree.MemberExpression, depth: number): ReceiverKind {
  const name = getStaticPropertyName(member);
  const classBody = findEnclosingClassBody(member);
  if (!name || !classBody) return 'unknown';
  for (const element of classBody.body) {
    if (
      (element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.AccessorProperty) &&
      !element.computed &&
      propertyKeyName(element.key) === name
    ) {
      const annotation = element.typeAnnotation?.typeAnnotation;
      if (annotation) return classifyTypeAnnotation(source, annotation);
      if (element.value) return classifyReceiver(source, element.value, depth + 1);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const parameter of element.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const bound =
          parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern
            ? parameter.parameter.left
            : parameter.parameter;
        if (bound.type === AST_NODE_TYPES.Identifier && bound.name === name) {
          const annotation = bound.typeAnnotation?.typeAnnotation;
          return annotation ? classifyTypeAnnotation(source, annotation) : 'unknown';
        }
      }
      const assigned = findThisAssignment(element.value.body, name);
      if (assigned) return classifyReceiver(source, assigned, depth + 1);
    }
  }
  return 'unknown';
}

function propertyKeyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return undefined;
}

function findEnclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    // A plain function has its own `this`; arrows and methods keep the class's.
    if (
      isFunctionNode(current) &&
      current.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition
    ) {
      return undefined;
    }
  }
  return undefined;
}

function findThisAssignment(
  body: TSESTree.BlockStatement | null | undefined,
  name: string,
): TSESTree.Expression | undefined {
  for (const statement of body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (
      expression.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.left.type === AST_NODE_TYPES.MemberExpression &&
      expression.left.object.type === AST_NODE_TYPES.ThisExpression &&
      getStaticPropertyName(expression.left) === name
    ) {
      return expression.right;
    }
  }
  return undefined;
}
