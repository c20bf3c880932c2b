/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  configEmoji: [
    ['recommended', '✅'],
    ['recommended-project', '🌐'],
  ],
  ruleDocTitleFormat: 'prefix-name',
  // The rule fixes with `eslint --fix` only when its `autofix` option asks (its meta must say `fixable` so
  // that it may): by default it offers suggestions, so that is what the generated labels say. Each rule
  // page says when `--fix` applies.
  ruleDocNotices: ['deprecated', 'description', 'configs', 'hasSuggestions', 'requiresTypeChecking'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'requiresTypeChecking'],
  pathRuleDoc: 'docs/rules/{name}.md',
};
