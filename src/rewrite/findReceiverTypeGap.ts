import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { resolveIdentifier } from '../util/scope';
import type { SourceFile } from '../util/sourceFile';

/**
 * The pg-boss methods the helpers' `boss` parameter declares (`PgBossInstance` in src/runtime/types.ts);
 * a receiver whose type lacks one of them does not type-check as the helpers' first argument.
 */
export const HELPER_RECEIVER_METHODS = ['createQueue', 'getQueue', 'getQueues', 'updateQueue', 'deleteQueue'] as const;

/** Utility types that keep the members of their first argument as they are. */
const MEMBER_PRESERVING = new Set(['Readonly', 'Required', 'NonNullable']);

/** A receiver whose declared type cannot be the helpers' first argument, and why. */
export interface ReceiverTypeGap {
  /** The annotation as written: `Pick<PgBoss, 'createQueue'>`. */
  readonly declared: string;
  /** The helpers' methods the type does not promise: `getQueue`, … */
  readonly missing: readonly string[];
}

/**
 * Reads the receiver's declared type from the file's own annotations: a parameter, a variable, a class
 * field or constructor parameter property (`this.boss`), or a cast. Answers only when the annotation
 * shows that methods are missing (`Pick<PgBoss, 'createQueue'>`, an inline object type, `Partial<…>`,
 * and unions and intersections of those); any other type is taken to be a pg-boss instance. (A local
 * interface or alias already makes the analysis treat the receiver as something other than pg-boss.)
 */
export function findReceiverTypeGap(source: SourceFile, receiver: TSESTree.Expression): ReceiverTypeGap | undefined {
  const annotation = findDeclaredType(source, receiver);
  if (!annotation) return undefined;
  const members = promisedMembers(annotation);
  if (members === undefined) return undefined;
  const missing = HELPER_RECEIVER_METHODS.filter((method) => !members.has(method));
  if (missing.length === 0) return undefined;
  return { declared: source.text.slice(annotation.range[0], annotation.range[1]), missing };
}

function findDeclaredType(source: SourceFile, receiver: TSESTree.Expression): TSESTree.TypeNode | undefined {
  switch (receiver.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return receiver.typeAnnotation;
    case AST_NODE_TYPES.TSNonNullExpression:
      return findDeclaredType(source, receiver.expression);
    case AST_NODE_TYPES.Identifier: {
      const name = resolveIdentifier(source, receiver)?.defs[0]?.name;
      return name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
    }
    case AST_NODE_TYPES.MemberExpression:
      return receiver.object.type === AST_NODE_TYPES.ThisExpression ? findFieldType(receiver) : undefined;
    default:
      return undefined;
  }
}

/** The annotation of the class member `this.<name>` reads: a field, or a constructor parameter property. */
function findFieldType(member: TSESTree.MemberExpression): TSESTree.TypeNode | undefined {
  const name = memberName(member.property, member.computed);
  let body: TSESTree.Node | undefined = member.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
  if (!name || !body) return undefined;
  for (const element of body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && memberName(element.key, element.computed) === name)
      return element.typeAnnotation?.typeAnnotation;
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'constructor') continue;
    for (const parameter of element.value.params) {
      if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
      const binding =
        parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
      if (binding.type === AST_NODE_TYPES.Identifier && binding.name === name)
        return binding.typeAnnotation?.typeAnnotation;
    }
  }
  return undefined;
}

function memberName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : undefined;
}

/**
 * The names of the members a type promises (required ones only), or undefined when the file does not
 * show them (an imported type such as `PgBoss`). A union promises what each of its non-null members
 * promises; only a member that is known to lack methods makes the union lack them.
 */
function promisedMembers(type: TSESTree.TypeNode): Set<string> | undefined {
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeLiteral:
      return literalMembers(type.members);
    case AST_NODE_TYPES.TSUnionType: {
      const known = type.types
        .filter(
          (member) => member.type !== AST_NODE_TYPES.TSNullKeyword && member.type !== AST_NODE_TYPES.TSUndefinedKeyword,
        )
        .map((member) => promisedMembers(member))
        .filter((members) => members !== undefined);
      return known.find((members) => HELPER_RECEIVER_METHODS.some((method) => !members.has(method)));
    }
    case AST_NODE_TYPES.TSIntersectionType: {
      const parts = type.types.map((part) => promisedMembers(part));
      return parts.every((part) => part !== undefined) ? new Set(parts.flatMap((part) => [...part])) : undefined;
    }
    case AST_NODE_TYPES.TSTypeReference:
      return referenceMembers(type);
    default:
      return undefined;
  }
}

function referenceMembers(type: TSESTree.TSTypeReference): Set<string> | undefined {
  if (type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = type.typeName.name;
  const [first, second] = type.typeArguments?.params ?? [];
  if (name === 'Pick' && second) return stringLiterals(second);
  if (name === 'Partial' && first) return new Set();
  if (MEMBER_PRESERVING.has(name) && first) return promisedMembers(first);
  return undefined;
}

/** `'a' | 'b'` as a set of names; undefined when any member is not a string literal. */
function stringLiterals(type: TSESTree.TypeNode): Set<string> | undefined {
  const members = type.type === AST_NODE_TYPES.TSUnionType ? type.types : [type];
  const names = members.map((member) =>
    member.type === AST_NODE_TYPES.TSLiteralType &&
    member.literal.type === AST_NODE_TYPES.Literal &&
    typeof member.literal.value === 'string'
      ? member.literal.value
      : undefined,
  );
  return names.every((name) => name !== undefined) ? new Set(names) : undefined;
}

function literalMembers(members: readonly TSESTree.TypeElement[]): Set<string> {
  const names = new Set<string>();
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.TSMethodSignature && member.type !== AST_NODE_TYPES.TSPropertySignature)
      continue;
    const name = memberName(member.key, member.computed);
    if (name && !member.optional) names.add(name);
  }
  return names;
}
