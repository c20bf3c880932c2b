import tsParser from '@typescript-eslint/parser';
import pgBoss from 'eslint-plugin-pg-boss';

export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, pgBoss.configs.recommended];
