import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      'node_modules/',
      'codemods/__testfixtures__/',
      'tests/fixtures/',
      'examples/app/',
      'bench/.work/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    // The inventory and the project rules are libraries the CLIs use; they must never need a CLI or the rewrite.
    files: ['src/inventory/**/*.ts', 'src/project/**/*.ts', 'src/files/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli', '**/cli/**', '**/rewrite', '**/rewrite/**'],
              message: 'src/inventory, src/project and src/files import nothing from src/cli or src/rewrite.',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
);
