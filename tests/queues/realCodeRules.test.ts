import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS, readExtensions } from '../../src/files/readExtensions';
import { scanQueues } from '../../src/inventory/scanQueues';
import { inventoryReports, projectRulesOptions, reports, RULE_OF_KIND } from '../support/projectRuleReports';
import { readLabels, REAL_CODE_QUEUES, realCodeFixtures, type Labels } from '../support/realCodeQueues';

/** For each message of the rules: the problem kind it reports, and where the labels list the places of that kind. */
const LABELLED_AS: Readonly<Record<string, { kind: string; places: 'uses' | 'declarations' | 'deadLetterFor' }>> = {
  undeclaredQueue: { kind: 'undeclared', places: 'uses' },
  undeclaredDeadLetter: { kind: 'undeclared-dead-letter', places: 'deadLetterFor' },
  conflictingOptions: { kind: 'conflicting-options', places: 'declarations' },
};

interface Report {
  readonly file: string;
  readonly line: number;
  readonly kind: string;
  readonly queue: string | undefined;
}

/** The rules' reports as the labels speak of them: the queue is the one the message names in quotes. */
function readReports(cwd: string, results: readonly ESLint.LintResult[]): Report[] {
  return results.flatMap((result) =>
    result.messages.map((message: Linter.LintMessage) => ({
      file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
      line: message.line,
      kind: LABELLED_AS[message.messageId ?? '']?.kind ?? `${message.ruleId ?? 'fatal'}: ${message.message}`,
      queue: /"([^"]+)"/.exec(message.message)?.[1],
    })),
  );
}

/** Reports the labels do not back: a problem they do not list, or at a place they do not give its queue. */
function unlabelled(found: readonly Report[], labels: Labels): string[] {
  return found
    .filter(({ file, line, kind, queue }) => {
      const places = Object.values(LABELLED_AS).find((labelled) => labelled.kind === kind)?.places;
      const listed = labels.problems?.some((problem) => problem.kind === kind && problem.queue === queue);
      const label = queue === undefined ? undefined : labels.queues[queue];
      const atLabelledPlace = places && label?.[places]?.some(([at, atLine]) => at === file && atLine === line);
      return !listed || !atLabelledPlace;
    })
    .map(({ file, line, kind, queue }) => `${file}:${line} ${kind} ${queue}`);
}

/** Labelled problems of the rules' kinds that no report shows at the place the labels give. */
function unreported(found: readonly Report[], labels: Labels): string[] {
  return (labels.problems ?? [])
    .filter(({ kind }) => kind in RULE_OF_KIND)
    .filter(
      ({ kind, queue, at }) =>
        !found.some(
          (report) =>
            report.kind === kind && report.queue === queue && report.file === at?.[0] && report.line === at[1],
        ),
    )
    .map(({ kind, queue, at }) => `${at?.join(':')} ${kind} ${queue}`);
}

// The public repositories of tests/fixtures/real-code-queues, linted as the editor's ESLint server lints
// each from its root: the rules must show what pg-boss-queues finds there, and nothing a reader disagrees with.
// Linting a fixture in-process takes seconds on a loaded machine.
describe('the project rules on real code', { timeout: 60_000 }, () => {
  it.each(realCodeFixtures())(
    '%s: the reports are the inventory problems of their kinds, none against the labels',
    async (fixture) => {
      const directory = path.join(REAL_CODE_QUEUES, fixture);
      // The repositories' own `eslint-disable` comments name rules of their configurations, not loaded here.
      const eslint = new ESLint({ ...projectRulesOptions(directory), allowInlineConfig: false });
      const results = await eslint.lintFiles(['.']);
      const { inventory } = scanQueues([directory], readExtensions(DEFAULT_EXTENSIONS));
      expect(reports(directory, results)).toEqual(inventoryReports(inventory));
      const found = readReports(directory, results);
      const labels = readLabels(fixture);
      expect(unlabelled(found, labels)).toEqual([]);
      expect(unreported(found, labels)).toEqual([]);
    },
  );
});
