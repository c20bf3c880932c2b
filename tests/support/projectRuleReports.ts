import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { ESLint } from 'eslint';
import plugin from '../../src';
import type { ProblemKind, QueueInventory } from '../../src/inventory/queueInventory';

/** Which rule of `recommended-project` reports each kind of problem the inventory finds. */
export const RULE_OF_KIND: Partial<Record<ProblemKind, string>> = {
  undeclared: 'pg-boss/no-undeclared-queue',
  'undeclared-dead-letter': 'pg-boss/no-undeclared-queue',
  'conflicting-options': 'pg-boss/no-conflicting-queue-options',
};

/**
 * ESLint's options for linting `cwd` with `recommended-project` alone, as the editor's ESLint server would
 * from that folder: TypeScript files through typescript-eslint's parser, JavaScript through ESLint's own.
 * `rules`: the plugin from source, or the built one (whose first scan runs on a worker thread).
 */
export function projectRulesOptions(cwd: string, settings?: object, rules: typeof plugin = plugin): ESLint.Options {
  return {
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
      rules.configs['recommended-project'],
      ...(settings ? [{ settings }] : []),
    ] as never,
  };
}

/** Every report in `results`, `file:line:column rule` with the file relative to `cwd`, in a stable order. */
export function reports(cwd: string, results: readonly ESLint.LintResult[]): string[] {
  return results
    .flatMap((result) =>
      result.messages.map(
        (message) =>
          `${path.relative(cwd, result.filePath).split(path.sep).join('/')}:${message.line}:${message.column} ${message.ruleId}`,
      ),
    )
    .sort();
}

/** What the rules should report of `inventory` (paths relative to its root), in the form and order of `reports`. */
export function inventoryReports(inventory: QueueInventory): string[] {
  return inventory.problems
    .flatMap(({ kind, queue, locations }) =>
      (RULE_OF_KIND[kind] && queue !== null ? locations : []).map(
        ({ file, line, column }) => `${file}:${line}:${column} ${RULE_OF_KIND[kind]}`,
      ),
    )
    .sort();
}
