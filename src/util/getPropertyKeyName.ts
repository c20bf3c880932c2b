import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getStaticString } from './getStaticPropertyName';

/** Anything with a key: object properties and patterns, class fields, methods and accessors. */
interface Keyed {
  readonly key: TSESTree.Node;
  readonly computed: boolean;
}

/**
 * The name a key gives: `a` for `{ a }`, `{ 'a': x }`, `{ ['a']: x }` and `class { a }`, `#a` for
 * `class { #a }`; undefined when it is computed at run time.
 */
export function getPropertyKeyName({ key, computed }: Keyed): string | undefined {
  if (computed) return getStaticString(key);
  switch (key.type) {
    case AST_NODE_TYPES.Identifier:
      return key.name;
    case AST_NODE_TYPES.PrivateIdentifier:
      return `#${key.name}`;
    case AST_NODE_TYPES.Literal:
      return String(key.value);
    default:
      return undefined;
  }
}
