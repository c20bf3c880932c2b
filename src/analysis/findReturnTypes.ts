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
 * as many arguments as the call passes (all of them, when a spread hides the count).
 */
function usableSignatures(signatures: readonly Signature[], call: TSESTree.CallExpression): Signature[] {
  const overloads = signatures.filter(
    (signature) =>
      signature.type === AST_NODE_TYPES.TSDeclareFunction ||
      signature.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression,
  );
  const declared = overloads.length > 0 && overloads.length < signatures.length ? overloads : signatures;
  if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return [...declared];
  return declared.filter((signature) => takesArgumentCount(signature.params, call.arguments.length));
}

function takesArgumentCount(params: readonly TSESTree.Parameter[], count: number): boolean {
  let required = 0;
  let taken = 0;
  for (const param of params) {
    // `this: Service` types the receiver; no argument goes to it.
    if (param.type === AST_NODE_TYPES.Identifier && param.name === 'this') continue;
    taken++;
    if (param.type === AST_NODE_TYPES.RestElement) return count >= required;
    const optional =
      param.type === AST_NODE_TYPES.AssignmentPattern ||
      ((param.type === AST_NODE_TYPES.Identifier ||
        param.type === AST_NODE_TYPES.ObjectPattern ||
        param.type === AST_NODE_TYPES.ArrayPattern) &&
        param.optional);
    if (!optional) required++;
  }
  return count >= required && count <= taken;
}
