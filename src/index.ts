import type { TSESLint } from '@typescript-eslint/utils';
import noBareCreateQueue from '../rules/no-bare-create-queue';
import noConflictingQueueOptions from '../rules/no-conflicting-queue-options';
import noUndeclaredQueue from '../rules/no-undeclared-queue';
import type { PgBossRuleDocs } from './util/createRule';
import { readPackageManifest } from './packageManifest';
import { startsScanWhenRead } from './project/startsScanWhenRead';

const rules = {
  'no-bare-create-queue': noBareCreateQueue,
  'no-conflicting-queue-options': noConflictingQueueOptions,
  'no-undeclared-queue': noUndeclaredQueue,
};

/** The rules whose meta carries `flag`, as a config's rules: read from each rule so the two cannot drift. */
function rulesMarked(flag: keyof Pick<PgBossRuleDocs, 'recommended' | 'projectWide'>): TSESLint.FlatConfig.Rules {
  return Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs?.[flag])
      .map(([id]) => [`pg-boss/${id}`, 'error']),
  ) as TSESLint.FlatConfig.Rules;
}

const plugin = {
  meta: readPackageManifest(),
  rules,
  configs: {} as { recommended: TSESLint.FlatConfig.Config; 'recommended-project': TSESLint.FlatConfig.Config },
};

const plugins = { 'pg-boss': plugin as unknown as TSESLint.FlatConfig.Plugin };

plugin.configs.recommended = { name: 'pg-boss/recommended', plugins, rules: rulesMarked('recommended') };

/**
 * The rules that read the whole project (ESLint's working directory, or `settings['pg-boss'].queueRoots`),
 * used beside `recommended`: apart until their precision on real code is proven, and because a cached
 * `eslint --cache` run does not re-lint a file when only another file changed (see their docs).
 */
plugin.configs['recommended-project'] = startsScanWhenRead({
  name: 'pg-boss/recommended-project',
  plugins,
  rules: rulesMarked('projectWide'),
});

export = plugin;
