import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import { evaluateStatic } from './evaluateStatic';
import { ANY_NAME, unitePatterns, type NamePattern } from './namePattern';
import { NotStaticError, type EvaluationScope } from './staticValue';

/**
 * What `node` can evaluate to, read from its shape: the constant parts of a template literal or a `+`
 * chain at its start and end, both branches of `? :`, `??` and `||`. Anything else may be any name.
 */
export function readNamePattern(scope: EvaluationScope, node: TSESTree.Node): NamePattern {
  const expression = skipTransparentWrappers(node);
  const constant = tryEvaluate(scope, expression);
  if (typeof constant === 'string') return { kind: 'one-of', names: [constant] };
  switch (expression.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return unitePatterns(readNamePattern(scope, expression.consequent), readNamePattern(scope, expression.alternate));
    case AST_NODE_TYPES.LogicalExpression:
      return expression.operator === '&&'
        ? ANY_NAME
        : unitePatterns(readNamePattern(scope, expression.left), readNamePattern(scope, expression.right));
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
      return affixOf(scope, concatenatedParts(expression));
    case AST_NODE_TYPES.Identifier:
      return declaredLiteralType(scope, expression) ?? ANY_NAME;
    default:
      return ANY_NAME;
  }
}

/**
 * `name: 'emails' | 'sms'`, or `name: QueueName` where the file declares `type QueueName = 'emails' | 'sms'`:
 * the names a parameter or variable's written type allows, read from the syntax alone.
 */
function declaredLiteralType(scope: EvaluationScope, identifier: TSESTree.Identifier): NamePattern | undefined {
  const def = resolveIdentifier(scope.source, identifier)?.defs[0];
  const annotated = def?.name;
  if (!annotated || annotated.type !== AST_NODE_TYPES.Identifier || !annotated.typeAnnotation) return undefined;
  const names = literalNames(scope, annotated.typeAnnotation.typeAnnotation, 0);
  return names ? { kind: 'one-of', names } : undefined;
}

function literalNames(scope: EvaluationScope, type: TSESTree.TypeNode, depth: number): string[] | undefined {
  if (depth > 4) return undefined;
  switch (type.type) {
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type === AST_NODE_TYPES.Literal && typeof type.literal.value === 'string'
        ? [type.literal.value]
        : undefined;
    case AST_NODE_TYPES.TSUnionType: {
      const parts = type.types.map((part) => literalNames(scope, part, depth + 1));
      return parts.every((part) => part !== undefined) ? parts.flat() : undefined;
    }
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
      const alias = resolveIdentifier(scope.source, type.typeName)?.defs[0]?.node;
      return alias?.type === AST_NODE_TYPES.TSTypeAliasDeclaration
        ? literalNames(scope, alias.typeAnnotation, depth + 1)
        : undefined;
    }
    default:
      return undefined;
  }
}

/** The parts a template literal or a chain of string `+` joins, in order: fixed text or an expression. */
function concatenatedParts(expression: TSESTree.Node): Array<string | TSESTree.Node> {
  if (expression.type === AST_NODE_TYPES.TemplateLiteral)
    return expression.quasis.flatMap((quasi, index) => {
      const part = expression.expressions[index];
      return part ? [quasi.value.cooked ?? '', part] : [quasi.value.cooked ?? ''];
    });
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '+')
    return [...concatenatedParts(expression.left), ...concatenatedParts(expression.right)];
  return [expression];
}

function affixOf(scope: EvaluationScope, parts: ReadonlyArray<string | TSESTree.Node>): NamePattern {
  const texts = parts.map((part) => (typeof part === 'string' ? part : constantText(scope, part)));
  const firstUnknown = texts.indexOf(undefined);
  if (firstUnknown === -1) return { kind: 'one-of', names: [texts.join('')] };
  const lastUnknown = texts.lastIndexOf(undefined);
  const prefix = texts.slice(0, firstUnknown).join('');
  const suffix = texts.slice(lastUnknown + 1).join('');
  return prefix === '' && suffix === '' ? ANY_NAME : { kind: 'affix', prefix, suffix };
}

function constantText(scope: EvaluationScope, node: TSESTree.Node): string | undefined {
  const value = tryEvaluate(scope, node);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

function tryEvaluate(scope: EvaluationScope, node: TSESTree.Node): unknown {
  try {
    return evaluateStatic(scope, node);
  } catch (error) {
    if (error instanceof NotStaticError) return undefined;
    throw error;
  }
}
