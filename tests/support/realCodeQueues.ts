import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_EXTENSIONS, readExtensions } from '../../src/files/readExtensions';
import type { QueueInventory } from '../../src/inventory/queueInventory';
import { scanQueues } from '../../src/inventory/scanQueues';

export const REAL_CODE_QUEUES = path.resolve(__dirname, '../fixtures/real-code-queues');

/** A place the labels name: the file, relative to the fixture, and the line. */
type LabelledPlace = readonly [file: string, line: number];

/** A fixture's hand labels (tests/fixtures/real-code-queues/README.md). */
export interface Labels {
  readonly queues: Record<
    string,
    {
      readonly declared: boolean | null;
      readonly uses: readonly LabelledPlace[];
      readonly declarations?: readonly LabelledPlace[];
      readonly deadLetterFor?: readonly LabelledPlace[];
      readonly testOnly?: boolean;
    }
  >;
  readonly problems?: ReadonlyArray<{ readonly kind: string; readonly queue: string; readonly at?: LabelledPlace }>;
}

/** How the inventory of one fixture compares with its labels. */
export interface FixtureJudgement {
  readonly fixture: string;
  /** Used production queues, by the labels. */
  readonly used: number;
  /** Of those, how many the inventory decides (declared true or false). */
  readonly decided: number;
  /** Decided queues whose verdict is not the label's. */
  readonly wrongVerdicts: readonly string[];
  /** Problems the inventory reports that the labels do not list (`unresolved-name` aside: it is no verdict). */
  readonly falseProblems: readonly string[];
  /** Labelled problems the inventory does not report. */
  readonly missedProblems: readonly string[];
}

export function realCodeFixtures(): string[] {
  return fs
    .readdirSync(REAL_CODE_QUEUES)
    .filter((entry) => fs.existsSync(path.join(REAL_CODE_QUEUES, entry, 'expected.json')))
    .sort();
}

export function readLabels(fixture: string): Labels {
  return JSON.parse(fs.readFileSync(path.join(REAL_CODE_QUEUES, fixture, 'expected.json'), 'utf8')) as Labels;
}

export function judgeFixture(fixture: string): FixtureJudgement {
  const { inventory } = scanQueues([path.join(REAL_CODE_QUEUES, fixture)], readExtensions(DEFAULT_EXTENSIONS));
  return { fixture, ...compare(inventory, readLabels(fixture)) };
}

function compare(inventory: QueueInventory, labels: Labels): Omit<FixtureJudgement, 'fixture'> {
  const verdicts = new Map(inventory.queues.map((queue) => [queue.name, queue.declared]));
  const used = Object.entries(labels.queues).filter(([, queue]) => queue.uses.length > 0 && !queue.testOnly);
  const wrongVerdicts: string[] = [];
  let decided = 0;
  for (const [name, label] of used) {
    const verdict = verdicts.get(name) ?? null;
    if (verdict === null) continue;
    decided++;
    if (verdict !== label.declared) wrongVerdicts.push(`${name}: declared ${verdict}, labelled ${label.declared}`);
  }
  const key = ({ kind, queue }: { kind: string; queue: string | null }) => `${kind} ${queue}`;
  const labelled = new Set((labels.problems ?? []).map(key));
  const reported = new Set(inventory.problems.filter((problem) => problem.kind !== 'unresolved-name').map(key));
  return {
    used: used.length,
    decided,
    wrongVerdicts,
    falseProblems: [...reported].filter((problem) => !labelled.has(problem)),
    missedProblems: [...labelled].filter((problem) => !reported.has(problem)),
  };
}
