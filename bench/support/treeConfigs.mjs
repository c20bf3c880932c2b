// One flat config per kind for a whole tree, as a user's eslint.config.mjs is: the parsers of lintConfigs.mjs
// by extension, then the kind's rules. The same object serves every file, as ESLint's own CLI builds its
// config once and asks it for each file.
import { lintConfig } from './lintConfigs.mjs';
import selectorPlugin from './selectorPlugin.mjs';

/** A sample file name per group of extensions lintConfigs.mjs parses alike. */
const PARSED_ALIKE = { '{ts,mts,cts}': 'file.ts', mjs: 'file.mjs', '{js,cjs}': 'file.js' };

/** A plugin rule that listens to nothing: what enabling any rule at all costs ESLint, before a rule does any work. */
const anyRulePlugin = {
  meta: { name: 'eslint-plugin-any-rule' },
  rules: {
    'no-listener': { meta: { type: 'problem', schema: [] }, create: () => ({}) },
    'exit-listener': { meta: { type: 'problem', schema: [] }, create: () => ({ 'Program:exit'() {} }) },
  },
};

/**
 * `floor`: no rule (parse and traverse); `any-rule`: a rule with no listener (the cost of enabling any rule);
 * `exit-listener`: a rule that listens where the project rules do and does nothing (what listening at all
 * costs ESLint); `selector`: the cheapest plugin rule that does something (section 1's); `project`: the two
 * rules of recommended-project, which listen only to `Program:exit`.
 */
const RULES = {
  floor: [],
  'any-rule': [{ plugins: { 'any-rule': anyRulePlugin }, rules: { 'any-rule/no-listener': 'error' } }],
  'exit-listener': [{ plugins: { 'any-rule': anyRulePlugin }, rules: { 'any-rule/exit-listener': 'error' } }],
  selector: [{ plugins: { selector: selectorPlugin }, rules: { 'selector/create-queue': 'error' } }],
  project: lintConfig('project', 'file.ts').slice(1),
};

export const TREE_KINDS = Object.keys(RULES);

/** The kinds above, or any kind of lintConfigs.mjs (whose `lintConfig` throws on one it does not know). */
export function treeConfig(kind) {
  const rules = RULES[kind] ?? lintConfig(kind, 'file.ts').slice(1);
  const parsers = Object.entries(PARSED_ALIKE).map(([extensions, sample]) => ({
    ...lintConfig('floor', sample)[0],
    files: [`**/*.${extensions}`],
  }));
  return [...parsers, ...rules];
}
