import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getInteropRequire } from '../util/getInteropRequire';
import { isRequireCall } from '../util/isRequireCall';

/** Syntax that rules out `require` for the helper; TypeScript's `import x = require()` compiles imports either way. */
const IMPORT_SYNTAX = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.TSImportEqualsDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.ExportDefaultDeclaration,
  AST_NODE_TYPES.ExportNamedDeclaration,
]);

/**
 * Whether the helper must be loaded with `require`: the parser says so (`.cjs`, `sourceType: commonjs`),
 * or the file has no import/export and loads its dependencies with top-level `require` calls — plain,
 * or wrapped in a compiler's interop helper as in TypeScript's and Babel's output
 * (`const pg_boss_1 = __importDefault(require("pg-boss"))`) — or assigns to `exports`/`module.exports`.
 */
export function isCommonJsFile(program: TSESTree.Program): boolean {
  if (program.body.some((statement) => IMPORT_SYNTAX.has(statement.type))) return false;
  if ((program.sourceType as string) !== 'module') return true;
  return program.body.some(
    (statement) =>
      (statement.type === AST_NODE_TYPES.VariableDeclaration &&
        statement.declarations.some((declarator) => declarator.init != null && isRequireOrInterop(declarator.init))) ||
      (statement.type === AST_NODE_TYPES.ExpressionStatement && isExportsWrite(statement.expression)),
  );
}

function isRequireOrInterop(node: TSESTree.Node): boolean {
  return isRequireCall(node) || getInteropRequire(node) !== undefined;
}

/** `exports.x = …`, `module.exports = …`, and `Object.defineProperty(exports, "__esModule", …)`. */
function isExportsWrite(expression: TSESTree.Expression): boolean {
  if (expression.type === AST_NODE_TYPES.AssignmentExpression) {
    let target: TSESTree.Node = expression.left;
    while (target.type === AST_NODE_TYPES.MemberExpression) target = target.object;
    return target.type === AST_NODE_TYPES.Identifier && (target.name === 'exports' || target.name === 'module');
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const [first] = expression.arguments;
    return first?.type === AST_NODE_TYPES.Identifier && first.name === 'exports';
  }
  return false;
}
