// One flat config per kind for a whole tree, as a user's eslint.config.mjs is: the parsers of lintConfigs.mjs
// by extension, then the kind's rules. The same object serves every file, as ESLint's own CLI builds its
// config once and asks it for each file.
import { lintConfig } from './lintConfigs.mjs';
import selectorPlugin from './selectorPlugin.mjs';

/** A sample file name per group of extensions lintConfigs.mjs parses alike. */
const PARSED_ALIKE = { '{ts,mts,cts}': 'file.ts', mjs: 'file.mjs', '{js,cjs}': 'file.js' };

/**
 * `floor`: no rule (parse and traverse); `selector`: the cheapest plugin rule (section 1's: what enabling any
 * rule costs); `project`: the two rules of recommended-project.
 */
const RULES = {
  floor: [],
  selector: [{ plugins: { selector: selectorPlugin }, rules: { 'selector/create-queue': 'error' } }],
  project: lintConfig('project', 'file.ts').slice(1),
};

export const TREE_KINDS = Object.keys(RULES);

export function treeConfig(kind) {
  if (!RULES[kind]) throw new Error(`unknown config ${kind}`);
  const parsers = Object.entries(PARSED_ALIKE).map(([extensions, sample]) => ({
    ...lintConfig('floor', sample)[0],
    files: [`**/*.${extensions}`],
  }));
  return [...parsers, ...RULES[kind]];
}
