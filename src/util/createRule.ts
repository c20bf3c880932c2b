import { ESLintUtils } from '@typescript-eslint/utils';

export interface PgBossRuleDocs {
  /** Whether the rule is part of `configs.recommended`. */
  recommended?: boolean;
  /** Whether the rule can use type information when the parser provides it. */
  requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<PgBossRuleDocs>(
  (name) => `https://github.com/eslint-plugin-pg-boss/eslint-plugin-pg-boss/blob/main/docs/rules/${name}.md`,
);
