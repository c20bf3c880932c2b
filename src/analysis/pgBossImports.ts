import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getStaticPropertyName, getStaticString } from '../util/getStaticPropertyName';
import { isRequireCall } from '../util/isRequireCall';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';

export const PG_BOSS_MODULE = 'pg-boss';
/** The class name pg-boss exports: the module itself in 10/11 (`export =`), a named export in 12. */
export const PG_BOSS_CLASS = 'PgBoss';

/** What a binding holds when it came from the pg-boss module. */
export type PgBossBinding = 'class' | 'module' | 'other';

function isRequireOfPgBoss(node: TSESTree.Node): boolean {
  return isRequireCall(skipTransparentWrappers(node), PG_BOSS_MODULE);
}

/**
 * What a variable imported or required from pg-boss holds. 10/11 export the class as the module
 * (`module.exports = PgBoss`), so a default import or a whole `require` is the class, while a
 * namespace import is the module whose `PgBoss` member is the class.
 */
export function classifyPgBossBinding(variable: TSESLint.Scope.Variable): PgBossBinding | undefined {
  for (const def of variable.defs) {
    if (def.type === 'ImportBinding') {
      const declaration = def.parent;
      if (declaration.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const reference = declaration.moduleReference;
        return reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
          getStaticString(reference.expression) === PG_BOSS_MODULE
          ? 'class'
          : undefined;
      }
      if (declaration.source.value !== PG_BOSS_MODULE) return undefined;
      const specifier = def.node;
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return 'class';
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return 'module';
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported =
          specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        return imported === PG_BOSS_CLASS || imported === 'default' ? 'class' : 'other';
      }
      return undefined;
    }
    if (
      def.type === 'Variable' &&
      def.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.node.init &&
      isRequireOfPgBoss(def.node.init)
    ) {
      const { id } = def.node;
      if (id.type === AST_NODE_TYPES.Identifier) return 'class';
      if (id.type === AST_NODE_TYPES.ObjectPattern) {
        const property = id.properties.find(
          (candidate) => candidate.type === AST_NODE_TYPES.Property && candidate.value === def.name,
        );
        const key =
          property?.type === AST_NODE_TYPES.Property
            ? property.key.type === AST_NODE_TYPES.Identifier
              ? property.key.name
              : getStaticString(property.key)
            : undefined;
        return key === PG_BOSS_CLASS ? 'class' : 'other';
      }
    }
  }
  return undefined;
}

/** `require('pg-boss').PgBoss` and `pgBossNamespace.PgBoss` name the class too. */
export function isPgBossClassMember(
  member: TSESTree.MemberExpression,
  objectBinding: PgBossBinding | undefined,
): boolean {
  if (getStaticPropertyName(member) !== PG_BOSS_CLASS) return false;
  return objectBinding === 'module' || objectBinding === 'class' || isRequireOfPgBoss(member.object);
}
