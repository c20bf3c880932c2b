import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

/**
 * Whether typescript-estree would reject a node oxc accepted, or read it otherwise: such a file goes to
 * typescript-estree, so the CLIs skip (or analyse) it exactly as the rule's parser does.
 *
 * - legacy octal and leading-zero numbers (`010`, `08`) and octal escapes (`'\01'`, `'\8'`): oxc allows
 *   them in scripts and outside strict code, TypeScript nowhere;
 * - a tagged template with an invalid escape (`` t`\01` ``, `` t`\u{zz}` ``): oxc cooks it to `null`,
 *   TypeScript at times to its text;
 * - an initialised `for (var i = 0 in o)` (Annex B, scripts only to oxc, never to TypeScript), and
 *   `for (var i = 0 of a)`, which oxc lets through;
 * - a computed enum member (`['a'] = 1`), which TypeScript rejects;
 * - a JSX text or attribute string with an entity (`&amp;`): typescript-estree decodes it in `value`,
 *   oxc keeps the source text.
 */
export function isRejectedByTypeScriptEstree(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof node.value === 'number') return /^0\d/.test(node.raw);
      if (typeof node.value !== 'string') return false;
      if (node.parent?.type === AST_NODE_TYPES.JSXAttribute) return node.raw.includes('&');
      // Escaped backslashes out first, so `'\\1'` is not read as the escape `\1`.
      return /\\(?:[1-9]|0\d)/.test(node.raw.replaceAll('\\\\', ''));
    case AST_NODE_TYPES.TemplateElement:
      return node.value.cooked === null;
    case AST_NODE_TYPES.JSXText:
      return node.raw.includes('&');
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return node.left.type === AST_NODE_TYPES.VariableDeclaration && node.left.declarations[0]?.init != null;
    case AST_NODE_TYPES.TSEnumMember:
      // oxc's own field: typescript-estree never gives a computed member.
      return (node as { computed?: boolean }).computed === true;
    default:
      return false;
  }
}

/**
 * Whether a script has an HTML-like comment (`<!--`, or `-->` at a line start), which oxc reads as a
 * comment in scripts (Annex B) and TypeScript as operators: `x <!-- y` is a comparison to TypeScript.
 */
export function hasHtmlComment(text: string, comments: readonly { type: string; start: number }[]): boolean {
  return comments.some((comment) => comment.type === 'Line' && !text.startsWith('//', comment.start));
}
