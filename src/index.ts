import type { TSESLint } from '@typescript-eslint/utils';
import noBareCreateQueue from '../rules/no-bare-create-queue';
import { readPackageManifest } from './packageManifest';

const rules = {
  'no-bare-create-queue': noBareCreateQueue,
};

/** The rules `configs.recommended` enables, read from each rule's own meta so the two cannot drift. */
const recommendedRules = Object.fromEntries(
  Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.recommended)
    .map(([id]) => [`pg-boss/${id}`, 'error']),
) as TSESLint.FlatConfig.Rules;

const plugin = {
  meta: readPackageManifest(),
  rules,
  configs: {} as { recommended: TSESLint.FlatConfig.Config },
};

plugin.configs.recommended = {
  name: 'pg-boss/recommended',
  plugins: { 'pg-boss': plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: recommendedRules,
};

export = plugin;
