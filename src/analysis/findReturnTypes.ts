import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { getStaticPropertyName } from '../util/getStaticPropertyName';
import { isFunctionNode } from '../util/isFunctionNode';
import { resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';

/** A function's signature as written: a declaration, an overload, an abstract method, an arrow. */
type Signature =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.TSDeclareFunction
  | TSESTree.TSEmptyBodyFunctionExpression;

/**
 * The return types declared by the functions of this file that `call` may call, for the signatures it
 * can use: `getBoss()` declared here, a static method through its class (`Queue.getInstance()`), a
 * method of the enclosing class through `this` (`this.getBoss()`). undefined when the callee is not
 * one of these, or some signature it may use declares no return type: then the file does not say.
 */
export function findReturnTypes(source: SourceFile, call: TSESTree.CallExpression): TSESTree.TypeNode[] | undefined {
  const signatures = usableSignatures(findSignatures(source, skipTransparentWrappers(call.callee)), call);
  if (signatures.length === 0) return undefined;
  const types: TSESTree.TypeNode[] = [];
  for (const signature of signatures) {
    const type = signature.returnType?.typeAnnotation;
    if (!type) return undefined;
    types.push(unwrapPromise(type));
  }
  return types;
}

/** `Promise<PgBoss>` → `PgBoss`: an awaited call's value, and the same instance for a call not awaited. */
function unwrapPromise(type: TSESTree.TypeNode): TSESTree.TypeNode {
  if (
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    type.typeName.name === 'Promise' &&
    type.typeArguments?.params.length === 1
  )
    return type.typeArguments.params[0]!;
  return type;
}

function findSignatures(source: SourceFile, callee: TSESTree.Node): Signature[] {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveIdentifier(source, callee);
    return (variable?.defs ?? []).flatMap((def): Signature[] => {
      if (def.type === DefinitionType.FunctionName) return [def.node];
      if (def.type !== DefinitionType.Variable || def.node.id !== def.name || !def.node.init) return [];
      const init = skipTransparentWrappers(def.node.init);
      return isFunctionNode(init) ? [init] : [];
    });
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const name = getStaticPropertyName(callee);
  if (name === undefined) return [];
  const object = skipTransparentWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const member = findEnclosingMember(callee);
    return member ? findMethods(member.parent, name, member.type === AST_NODE_TYPES.StaticBlock || member.static) : [];
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return [];
  const [def] = resolveIdentifier(source, object)?.defs ?? [];
  return def?.type === DefinitionType.ClassName ? findMethods(def.node.body, name, true) : [];
}

/**
 * The method, field, accessor or static block of the class whose body holds `node`, if `this` there is
 * the class's (in a static block, the class itself).
 */
function findEnclosingMember(
  node: TSESTree.Node,
): TSESTree.MethodDefinition | TSESTree.PropertyDefinition | TSESTree.StaticBlock | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      (current.type === AST_NODE_TYPES.MethodDefinition ||
        current.type === AST_NODE_TYPES.PropertyDefinition ||
        current.type === AST_NODE_TYPES.StaticBlock) &&
      current.parent.type === AST_NODE_TYPES.ClassBody
    )
      return current;
    // A plain function has a `this` of its own; an arrow keeps the one around it.
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const owner = current.parent;
      if (owner?.type !== AST_NODE_TYPES.MethodDefinition && owner?.type !== AST_NODE_TYPES.PropertyDefinition)
        return undefined;
    }
  }
  return undefined;
}

/** The signatures of a class's methods named `name`, static or not: methods, abstract ones, arrow fields. */
function findMethods(classBody: TSESTree.ClassBody, name: string, isStatic: boolean): Signature[] {
  const signatures: Signature[] = [];
  for (const element of classBody.body) {
    if (element.type === AST_NODE_TYPES.StaticBlock || element.type === AST_NODE_TYPES.TSIndexSignature) continue;
    if (element.static !== isStatic || getPropertyKeyName(element) !== name) continue;
    if (
      (element.type === AST_NODE_TYPES.MethodDefinition ||
        element.type === AST_NODE_TYPES.TSAbstractMethodDefinition) &&
      element.kind === 'method'
    )
      signatures.push(element.value);
    else if (element.type === AST_NODE_TYPES.PropertyDefinition && element.value) {
      const value = skipTransparentWrappers(element.value);
      if (isFunctionNode(value)) signatures.push(value);
    }
  }
  return signatures;
}

/**
 * The signatures a call can be checked against: where a function has overloads, only those (its
 * implementation's signature is not callable from outside), and among them those whose parameters take
 * as many arguments as the call passes (all of them, when a spread hides the count) and the literals it
 * passes (`service('cache')` is not `service(name: 'jobs')`, nor `service(id: number)`).
 */
function usableSignatures(signatures: readonly Signature[], call: TSESTree.CallExpression): Signature[] {
  const overloads = signatures.filter(
    (signature) =>
      signature.type === AST_NODE_TYPES.TSDeclareFunction ||
      signature.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression,
  );
  const declared = overloads.length > 0 && overloads.length < signatures.length ? overloads : signatures;
  if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return [...declared];
  return declared.filter((signature) => takesArguments(signature.params, call.arguments));
}

function takesArguments(
  params: readonly TSESTree.Parameter[],
  args: readonly TSESTree.CallExpressionArgument[],
): boolean {
  let required = 0;
  let taken = 0;
  for (const param of params) {
    // `this: Service` types the receiver; no argument goes to it.
    if (param.type === AST_NODE_TYPES.Identifier && param.name === 'this') continue;
    if (param.type === AST_NODE_TYPES.RestElement) return args.length >= required;
    const argument = args[taken];
    taken++;
    const bound = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    const type = 'typeAnnotation' in bound ? bound.typeAnnotation?.typeAnnotation : undefined;
    if (argument && type && !acceptsLiteral(type, argument)) return false;
    const optional =
      param.type === AST_NODE_TYPES.AssignmentPattern ||
      ((param.type === AST_NODE_TYPES.Identifier ||
        param.type === AST_NODE_TYPES.ObjectPattern ||
        param.type === AST_NODE_TYPES.ArrayPattern) &&
        param.optional);
    if (!optional) required++;
  }
  return args.length >= required && args.length <= taken;
}

/**
 * Whether a parameter of `type` takes `argument`, as far as a literal argument and a type of literals and
 * primitives tell (`'cache'` fits `string` and `'cache' | 'sessions'`, not `'jobs'` nor `number`); any
 * other argument or type is taken.
 */
function acceptsLiteral(type: TSESTree.TypeNode, argument: TSESTree.CallExpressionArgument): boolean {
  if (argument.type !== AST_NODE_TYPES.Literal) return true;
  const { value } = argument;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return true;
  switch (type.type) {
    case AST_NODE_TYPES.TSUnionType:
      return type.types.some((member) => acceptsLiteral(member, argument));
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type !== AST_NODE_TYPES.Literal || type.literal.value === value;
    case AST_NODE_TYPES.TSStringKeyword:
      return typeof value === 'string';
    case AST_NODE_TYPES.TSNumberKeyword:
      return typeof value === 'number';
    case AST_NODE_TYPES.TSBooleanKeyword:
      return typeof value === 'boolean';
    default:
      return true;
  }
}
