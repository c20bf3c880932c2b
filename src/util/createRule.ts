// The subpath, not the package's root: the root loads all of typescript-eslint's utilities (39 modules,
// three times the CPU in an ESLint process) for this one function, and every config that names a rule pays it.
import { RuleCreator, type RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import type { TSESLint } from '@typescript-eslint/utils';
import { readPackageManifest } from '../packageManifest';

export interface PgBossRuleDocs {
  /** Whether the rule is part of `configs.recommended`. */
  recommended?: boolean;
  /**
   * Whether the rule reports what only the whole project shows (a queue declared nowhere): part of
   * `configs['recommended-project']`, which reads the project's files, instead of `configs.recommended`.
   */
  projectWide?: boolean;
  /** Whether the rule can use type information when the parser provides it. */
  requiresTypeChecking?: boolean;
}

/**
 * A rule as RuleCreator takes it, except that `create` gets a function that reads the file's options with
 * the defaults filled in, instead of those options: a rule calls it where it needs them, in a listener.
 */
export type PgBossRuleDefinition<Options extends [Record<string, unknown>] | [], MessageIds extends string> = Omit<
  RuleWithMetaAndName<Options, MessageIds, PgBossRuleDocs>,
  'create'
> & {
  create(
    context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
    withDefaults: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => Readonly<Options>,
  ): TSESLint.RuleListener;
};

const { name: packageName, version } = readPackageManifest();

/**
 * Each rule's page as of the installed release: changesets tags a release of this repository's packages
 * `<name>@<version>`, so the link shows the docs of the version that reports, never a later main.
 */
const ruleCreator = RuleCreator<PgBossRuleDocs>(
  (name) =>
    `https://github.com/eslint-plugin-pg-boss/eslint-plugin-pg-boss/blob/${packageName}@${version}/docs/rules/${name}.md`,
);

/**
 * typescript-eslint's RuleCreator (docs URL from the rule name, typed meta), with one change: its
 * `create` deep-clones the default options with structuredClone for every linted file, which made our
 * rule cost three times a selector rule on files without createQueue (bench/lint.bench.mjs). Our rules
 * take one flat options object or none, so a spread over the defaults gives the same result; and it is
 * made only when a rule asks for it, since ESLint times `create` for every file while most files give
 * a rule nothing to report: reading any property of a file's context in `create` costs a few
 * microseconds, each file's context being a new object, which is what a whole `create` of a selector
 * rule costs.
 */
export function createRule<Options extends [Record<string, unknown>] | [], MessageIds extends string>(
  rule: Readonly<PgBossRuleDefinition<Options, MessageIds>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  const { create, ...definition } = rule;
  // RuleCreator makes the meta (docs URL) and the types; its `create`, which merges eagerly, is replaced.
  const created = ruleCreator({ ...definition, create: () => ({}) });
  const [defaults] = rule.meta.defaultOptions ?? [];
  const withDefaults = (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>): Readonly<Options> =>
    [{ ...defaults, ...context.options[0] }] as unknown as Readonly<Options>;
  return { ...created, create: (context) => create(context, withDefaults) };
}
