// The ESLint configurations the lint benchmarks compare, for files of any of the corpus's kinds.
import tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import pgBoss from 'eslint-plugin-pg-boss';

const CREATE_QUEUE_SELECTOR = "CallExpression[callee.property.name='createQueue']";

function languageOptions(file, parserOptions = {}) {
  if (/\.[cm]?ts$/.test(file)) return { parser: tsParser, parserOptions };
  return { parser: espree, sourceType: file.endsWith('.mjs') ? 'module' : 'commonjs', ecmaVersion: 'latest' };
}

/**
 * `floor`: parse and traverse only; `ours`: our rule alone; `project`: the two rules of recommended-project;
 * `restricted`: the cheapest selector rule anyone could write.
 */
export function lintConfig(kind, file, parserOptions) {
  const base = { files: ['**/*.{js,mjs,cjs,ts,mts,cts}'], languageOptions: languageOptions(file, parserOptions) };
  switch (kind) {
    case 'floor':
      return [base];
    case 'ours':
      return [base, { plugins: { 'pg-boss': pgBoss }, rules: { 'pg-boss/no-bare-create-queue': 'error' } }];
    case 'project':
      return [base, pgBoss.configs['recommended-project']];
    case 'restricted':
      return [
        base,
        {
          rules: {
            'no-restricted-syntax': ['error', { selector: CREATE_QUEUE_SELECTOR, message: 'Use safeCreateQueue.' }],
          },
        },
      ];
    default:
      throw new Error(`unknown config ${kind}`);
  }
}
