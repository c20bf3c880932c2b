import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

/** The name a member access reads (`a.b`, `a['b']`, `` a[`b`] ``, `this.#b`), or undefined when computed at run time. */
export function getStaticPropertyName(member: TSESTree.MemberExpression): string | undefined {
  const { property } = member;
  if (!member.computed) {
    return property.type === AST_NODE_TYPES.PrivateIdentifier
      ? `#${property.name}`
      : (property as TSESTree.Identifier).name;
  }
  return getStaticString(property);
}

/** The value of a string literal or a template literal without expressions. */
export function getStaticString(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
