import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import type { TSESLint } from '@typescript-eslint/utils';
import { getImportedName } from '../util/getImportedName';
import { getInteropRequire } from '../util/getInteropRequire';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { getStaticPropertyName, getStaticString } from '../util/getStaticPropertyName';
import { isRequireCall } from '../util/isRequireCall';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import { PG_BOSS_MODULE } from '../pgBossModule';
import type { PgBossSettings } from './pgBossSettings';

/** The class name pg-boss exports: the module itself in 10/11 (`export =`), a named export in 12. */
export const PG_BOSS_CLASS = 'PgBoss';

/** What a binding holds when it came from pg-boss (or a module re-exporting it). */
export type PgBossBinding = 'class' | 'module' | 'other';

function isPgBossModule(name: string | undefined, settings: PgBossSettings): boolean {
  return name === PG_BOSS_MODULE || (name !== undefined && settings.modules.includes(name));
}

/**
 * What `require('pg-boss')` gives, looking through compilers' interop helpers: the class itself
 * (10/11's `module.exports = PgBoss`, which 12 also exposes as `.PgBoss` and `.default`), or for
 * `__importDefault(require('pg-boss'))` and its kin an object whose `default`/`PgBoss` is the class.
 */
function classifyRequire(node: TSESTree.Node, settings: PgBossSettings): PgBossBinding | undefined {
  const expression = skipTransparentWrappers(node);
  const moduleName = (call: TSESTree.CallExpression) => getStaticString(call.arguments[0]!);
  if (isRequireCall(expression)) return isPgBossModule(moduleName(expression), settings) ? 'class' : undefined;
  const wrapped = getInteropRequire(expression);
  return wrapped && isPgBossModule(moduleName(wrapped), settings) ? 'module' : undefined;
}

/**
 * What a variable imported or required from pg-boss holds. 10/11 export the class as the module
 * (`module.exports = PgBoss`), so a default import or a whole `require` is the class, while a
 * namespace import is the module whose `PgBoss` member is the class. A class imported as `PgBoss`
 * from any module (a workspace package, `../dist/index.js`) is taken to be pg-boss's too.
 */
export function classifyPgBossBinding(
  variable: TSESLint.Scope.Variable,
  settings: PgBossSettings,
): PgBossBinding | undefined {
  for (const def of variable.defs) {
    if (def.type === DefinitionType.ImportBinding) {
      const declaration = def.parent;
      if (declaration.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const reference = declaration.moduleReference;
        return reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
          isPgBossModule(getStaticString(reference.expression), settings)
          ? 'class'
          : undefined;
      }
      const specifier = def.node;
      const imported = specifier.type === AST_NODE_TYPES.ImportSpecifier ? getImportedName(specifier) : undefined;
      if (!isPgBossModule(declaration.source.value, settings)) return imported === PG_BOSS_CLASS ? 'class' : undefined;
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return 'class';
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return 'module';
      return imported === PG_BOSS_CLASS || imported === 'default' ? 'class' : 'other';
    }
    if (def.type === DefinitionType.Variable && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const required = classifyRequire(def.node.init, settings);
      if (!required) continue;
      const { id } = def.node;
      if (id.type === AST_NODE_TYPES.Identifier) return required;
      if (id.type === AST_NODE_TYPES.ObjectPattern) {
        const property = id.properties.find(
          (candidate): candidate is TSESTree.Property =>
            candidate.type === AST_NODE_TYPES.Property && candidate.value === def.name,
        );
        const key = property && getPropertyKeyName(property);
        return key === PG_BOSS_CLASS || key === 'default' ? 'class' : 'other';
      }
    }
  }
  return undefined;
}

/**
 * `require('pg-boss').PgBoss`, `pgBossNamespace.PgBoss`, and compiled output's `pg_boss_1.default` or
 * `tslib.__importStar(require('pg-boss')).PgBoss` name the class too.
 */
export function isPgBossClassMember(
  member: TSESTree.MemberExpression,
  objectBinding: PgBossBinding | undefined,
  settings: PgBossSettings,
): boolean {
  const name = getStaticPropertyName(member);
  if (name !== PG_BOSS_CLASS && name !== 'default') return false;
  return (
    objectBinding === 'module' || objectBinding === 'class' || classifyRequire(member.object, settings) !== undefined
  );
}
