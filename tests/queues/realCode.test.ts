import { describe, expect, it } from 'vitest';
import { judgeFixture, realCodeFixtures, type FixtureJudgement } from '../support/realCodeQueues';

// Public repositories that use pg-boss, trimmed and labelled by hand (tests/fixtures/real-code-queues):
// the inventory's verdicts and problems are checked against what a careful reader finds there.
const judgements = new Map<string, FixtureJudgement>();
const judge = (fixture: string) => {
  let judgement = judgements.get(fixture);
  if (!judgement) judgements.set(fixture, (judgement = judgeFixture(fixture)));
  return judgement;
};

// Parsing a fixture's files in-process takes seconds on a loaded machine.
describe('pg-boss-queues on real code', { timeout: 60_000 }, () => {
  it.each(realCodeFixtures())('%s: no wrong verdict and no problem the labels do not list', (fixture) => {
    const { wrongVerdicts, falseProblems } = judge(fixture);
    expect(wrongVerdicts).toEqual([]);
    expect(falseProblems).toEqual([]);
  });

  it('decides at least 90 % of the used production queues, and finds every labelled problem', () => {
    const all = realCodeFixtures().map(judge);
    const used = all.reduce((sum, judgement) => sum + judgement.used, 0);
    const decided = all.reduce((sum, judgement) => sum + judgement.decided, 0);
    expect(used).toBeGreaterThanOrEqual(49);
    expect(decided / used).toBeGreaterThanOrEqual(0.9);
    expect(all.flatMap((judgement) => judgement.missedProblems)).toEqual([]);
  });
});
