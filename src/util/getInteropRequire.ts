import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getCalledExpression } from './getCalledExpression';
import { getStaticPropertyName } from './getStaticPropertyName';
import { isRequireCall } from './isRequireCall';

/**
 * The helpers compilers wrap around `require` in CommonJS output of ES imports: TypeScript's
 * `__importDefault`/`__importStar` (inline or `tslib_1.`), Babel's `_interopRequireDefault`/
 * `_interopRequireWildcard` (inline, numbered, or `(0, _interopRequireDefault2.default)` from
 * @babel/runtime), esbuild's `__toESM`.
 */
const INTEROP_HELPER = /^_*(importDefault|importStar|interopRequireDefault|interopRequireWildcard|toESM)\d*$/;

/**
 * The `require(…)` call of `__importDefault(require('x'))` and the other interop helpers' output,
 * or undefined when `node` is not such a call. The helper's result is an object whose `default`
 * (and, for `importStar`, every named export) is the module's.
 */
export function getInteropRequire(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const [argument] = node.arguments;
  if (!argument || !isRequireCall(argument)) return undefined;
  const helper = helperName(node.callee);
  return helper !== undefined && INTEROP_HELPER.test(helper) ? argument : undefined;
}

/** `__importDefault`, `tslib_1.__importDefault`, and `_interopRequireDefault2` of `(0, _interopRequireDefault2.default)`. */
function helperName(callee: TSESTree.Node): string | undefined {
  const target = getCalledExpression(callee);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = getStaticPropertyName(target);
  if (name === 'default' && target.object.type === AST_NODE_TYPES.Identifier) return target.object.name;
  return name;
}
