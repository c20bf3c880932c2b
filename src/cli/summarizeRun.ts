import path from 'node:path';
import { TOO_DEEP, TOO_LARGE, TOO_LARGE_WITHOUT_OXC } from '../files/unparsableFile';
import type { AddedDependency } from './addDependency';
import type { DependencyGap } from './findDependencyGaps';
import type { FileOutcome } from './rewriteFile';

export interface RunSummary {
  readonly scanned: number;
  readonly outcomes: readonly FileOutcome[];
  readonly gaps: ReadonlyArray<{ readonly gap: DependencyGap; readonly added: AddedDependency | undefined }>;
  /** Why nothing was written (`dry run`, `--print`), or undefined when files were written. */
  readonly notWritten: string | undefined;
}

/** `1 file`, `2 files`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The closing report on stderr: one line of counts that tells rewritten, left for you, skipped (syntax
 * error; nested too deeply or too large, when any is), type tests left alone and failed apart, then one line per file
 * that needs a look and per package whose files import the helpers' package and whose package.json
 * lacks it. Paths are relative to the working directory.
 */
export function summarizeRun({ scanned, outcomes, gaps, notWritten }: RunSummary): string {
  const count = (status: FileOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  // A file too deep or too large for the parsers is not a syntax error: the same code, less nested or in
  // smaller files, would be rewritten.
  const skippedAs = (reason: string) =>
    outcomes.filter((outcome) => outcome.status === 'skipped' && outcome.reason === reason).length;
  const tooDeep = skippedAs(TOO_DEEP);
  const tooLarge = skippedAs(TOO_LARGE) + skippedAs(TOO_LARGE_WITHOUT_OXC);
  const rewritten = outcomes.reduce((sum, outcome) => sum + (outcome.status === 'changed' ? outcome.rewritten : 0), 0);
  const leftFiles = outcomes.filter((outcome) => 'flagged' in outcome && outcome.flagged > 0);
  const left = leftFiles.reduce((sum, outcome) => sum + ('flagged' in outcome ? outcome.flagged : 0), 0);
  const counts = [
    `${plural(scanned, 'file')} scanned`,
    `${count('changed')} changed (${plural(rewritten, 'call')} rewritten)`,
    `${plural(left, 'call')} left for you${left > 0 ? ` in ${plural(leftFiles.length, 'file')}` : ''}`,
    `${count('unchanged')} unchanged`,
    `${count('skipped') - tooDeep - tooLarge} skipped (syntax error)`,
    ...(tooDeep > 0 ? [`${tooDeep} skipped (nested too deeply)`] : []),
    ...(tooLarge > 0 ? [`${tooLarge} skipped (too large)`] : []),
    ...(count('type-test') > 0 ? [`${plural(count('type-test'), 'type test')} left alone`] : []),
    `${count('failed')} failed`,
  ];
  const lines = [`pg-boss-codemod${notWritten ? ` (${notWritten}, nothing written)` : ''}: ${counts.join(', ')}`];
  for (const outcome of outcomes) {
    const shown = path.relative(process.cwd(), outcome.file) || '.';
    if ('flagged' in outcome && outcome.flagged > 0)
      lines.push(
        `  left for you: ${shown}: ${plural(outcome.flagged, 'call')}, each under a TODO(pg-boss-codemod) comment`,
      );
    if (outcome.status === 'skipped') lines.push(`  skipped ${shown}: ${outcome.reason}`);
    if (outcome.status === 'type-test')
      lines.push(`  left alone: ${shown}: a type test (${outcome.convention}); --include-type-tests rewrites it`);
    if (outcome.status === 'failed') lines.push(`  failed ${shown}: ${outcome.reason}`);
  }
  const changed = new Set(outcomes.filter((outcome) => outcome.status === 'changed').map(({ file }) => file));
  for (const { gap, added } of gaps) lines.push(`  ${describeGap(gap, added, notWritten !== undefined, changed)}`);
  return `${lines.join('\n')}\n`;
}

function describeGap(
  gap: DependencyGap,
  added: AddedDependency | undefined,
  dry: boolean,
  changed: ReadonlySet<string>,
): string {
  const where = path.relative(process.cwd(), path.dirname(gap.manifest)) || '.';
  const { dependency } = gap;
  if (added && 'problem' in added) return `${where}: could not add ${dependency} to dependencies: ${added.problem}`;
  if (added) {
    const verb = gap.kind === 'dev-only' ? 'move' : 'add';
    const done = dry ? `would ${verb}` : verb === 'move' ? 'moved' : 'added';
    const from = gap.kind === 'dev-only' ? ' from devDependencies' : '';
    return `${where}: ${done} ${dependency}@${added.range}${from} to dependencies`;
  }
  // "rewritten" only when this run rewrote them all; files rewritten earlier or by hand import it too.
  const noun = gap.files.every((file) => changed.has(file)) ? 'rewritten file' : 'file';
  const importers = `${plural(gap.files.length, noun)} import${gap.files.length === 1 ? 's' : ''} it`;
  if (gap.kind === 'unreadable')
    return `${where}: could not read its package.json (${gap.problem}), so whether it lists ${dependency} is not known: ${importers}`;
  return gap.kind === 'dev-only'
    ? `${where}: ${dependency} is only in devDependencies, so a production install (npm ci --omit=dev) will not have it, and ${importers}: move it to dependencies (--add-dependency does)`
    : `${where}: add ${dependency} to dependencies: ${importers} (--add-dependency does)`;
}
