// The cheapest JS plugin rule anyone could write: one selector for `createQueue` calls, reporting each.
// The baseline for what any plugin rule costs in ESLint and through oxlint's jsPlugins.
export default {
  meta: { name: 'eslint-plugin-selector' },
  rules: {
    'create-queue': {
      meta: { type: 'problem', schema: [] },
      create: (context) => ({
        "CallExpression[callee.property.name='createQueue']": (node) =>
          context.report({ node, message: 'Use safeCreateQueue.' }),
      }),
    },
  },
};
