/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  configEmoji: [['recommended', '✅']],
  ruleDocTitleFormat: 'prefix-name',
  // The rule's rewrite is an editor suggestion by default and a `--fix` fix only with `autofix: true`, so the
  // generated labels show 💡 alone; the README and the rule's page say when 🔧 applies.
  ruleDocNotices: ['deprecated', 'description', 'configs', 'hasSuggestions', 'requiresTypeChecking'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'requiresTypeChecking'],
  pathRuleDoc: 'docs/rules/{name}.md',
};
