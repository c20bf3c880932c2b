// The project rules' cost (no-undeclared-queue, no-conflicting-queue-options): the first lint of a file in a
// fresh process (the project read and its inventory built), a re-lint after one other file changed (an
// editor session), and what the two rules add to a whole-tree lint, each beside the floor (parse and
// traverse) measured in the same run; the whole tree also beside a rule that listens to nothing, since
// enabling any rule at all costs ESLint a share of the floor, a rule that listens to `Program:exit` as the
// project rules do and does nothing there, and the cheapest selector rule. The first lint and the whole tree
// are measured twice: with no scan kept (a first run, a CI run from a clean checkout) and with the scan an
// earlier process kept (src/project/scanCache.ts: the next run, the editor's server restarted).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Linter } from 'eslint';
import { materializeCorpus, root } from './support/corpus.mjs';
import { lintConfig } from './support/lintConfigs.mjs';
import { TREE_KINDS } from './support/treeConfigs.mjs';
import { interleave, median, ms, percent, printTable } from './support/measure.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RELINTS = Number(process.env.BENCH_RELINTS ?? 20);

const { directory, files } = materializeCorpus('project-rules', 200);
// A file that sends to a declared queue and to one nobody declares: each lint of it must report once.
const sender = path.join(directory, 'app/sender.ts');
fs.writeFileSync(
  sender,
  "import { PgBoss } from 'pg-boss';\n\nexport async function enqueue(boss: PgBoss): Promise<void> {\n  await boss.send('q0', {});\n  await boss.send('payroll', {});\n}\n",
);
// A project's root, where `eslint .` runs: the rules start their first scan there as ESLint reads them
// (src/project/startsScanAhead.ts), so every pass below runs in it.
fs.writeFileSync(path.join(directory, 'package.json'), '{ "name": "project-rules-corpus", "private": true }\n');
const scanned = [...files, sender].filter(
  (file) => !path.relative(directory, file).split(path.sep).includes('node_modules'),
);
fs.writeFileSync(`${directory}.files.json`, JSON.stringify(scanned));

/** One run of a bench/support script on the corpus in a fresh process started in it, its JSON output parsed. */
function support(script, ...args) {
  const result = spawnSync(process.execPath, [path.join(root, 'bench/support', script), directory, ...args], {
    cwd: directory,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const child = (...args) => support('lintTree.mjs', ...args);

/** Where the project rules keep the corpus's first scan for the next process. */
const { cacheFileFor } = createRequire(import.meta.url)(path.join(root, 'dist/src/project/scanCache.js'));
const keptScan = cacheFileFor([directory]);
if (!keptScan) throw new Error(`no node_modules folder at or above ${directory} to keep a scan in`);
/** Removes the kept scan, or makes sure there is one (a first lint keeps it), before a run that needs either. */
const keepScan = (kept) => {
  if (!kept) fs.rmSync(keptScan, { force: true });
  else if (!fs.existsSync(keptScan)) child('first', sender);
};

function assertReports(label, reported, expected) {
  if (reported !== expected) throw new Error(`${label}: expected ${expected} report(s), got ${reported}`);
}

// 1. The first lint in a fresh process, with no scan kept and with one kept.
const firstLint = (kept) => {
  const runs = Array.from({ length: ROUNDS }, () => {
    keepScan(kept);
    return child('first', sender);
  });
  for (const { reported } of runs) assertReports('first lint', reported, 1);
  return { floor: median(runs.map((run) => run.floorMs)), project: median(runs.map((run) => run.firstMs)) };
};
const first = firstLint(false);
const firstKept = firstLint(true);

// 2. Re-lints in one process, each after another file of the project changed on disk.
const linter = new Linter({ configType: 'flat', cwd: directory });
const senderText = fs.readFileSync(sender, 'utf8');
const verify = (kind) => {
  const start = process.hrtime.bigint();
  const reported = linter.verify(senderText, lintConfig(kind, sender), { filename: sender }).length;
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, reported };
};
verify('floor');
assertReports('first in-process lint', verify('project').reported, 1);
const changed = path.join(directory, 'app/queues-7.ts');
const relints = [];
const floors = [];
for (let round = 0; round < RELINTS; round++) {
  fs.appendFileSync(changed, `// edit ${round}\n`);
  const relint = verify('project');
  assertReports('re-lint', relint.reported, 1);
  relints.push(relint.ms);
  floors.push(verify('floor').ms);
}
const relint = { floor: median(floors), project: median(relints) };

// 3. Whole tree, each pass in a fresh process: through the ESLint class (`eslint .`), and through a
// `Linter#verify` loop over the same list; each with every kind of treeConfigs.mjs, interleaved.
const PASSES = { 'ESLint class': 'eslint', 'Linter#verify loop': 'verify' };
/** Each kind of treeConfigs.mjs, the project rules with no scan kept, and the project rules with one kept. */
const KINDS = [...TREE_KINDS, 'project, scan kept'];
const passes = Object.values(PASSES).flatMap((mode) =>
  KINDS.map((name) => ({
    name: `${mode} ${name}`,
    mode,
    kind: name.split(',')[0],
    kept: name === 'project, scan kept',
  })),
);
/** Each pass's CPU time beside its wall time, which `interleave` takes the median of. */
const cpu = new Map(passes.map(({ name }) => [name, []]));
const tree = await interleave(
  passes.map(({ name, mode, kind, kept }) => ({
    name,
    measure: () => {
      if (kind === 'project') keepScan(kept);
      const pass = child(mode, kind);
      assertReports(`whole tree (${name})`, pass.reported, kind === 'project' ? 1 : 0);
      cpu.get(name).push(pass.cpuMs);
      return pass.ms;
    },
  })),
  ROUNDS,
);

/** With the target's mark: the project rules' addition is held to 5 % of the floor. */
const againstTarget = (share) => `${percent(share)} ${share < 0.05 ? '✅' : '❌'}`;

/**
 * One row per pass and clock: the project rules' addition as a share of the floor, in all, over what any
 * rule costs (the rule with no listener) and over what listening costs (the `Program:exit` rule), with no scan
 * kept and with one kept, and the selector rule's time beside them.
 */
function treeRow(label, of) {
  const {
    floor,
    'any-rule': anyRule,
    'exit-listener': exitListener,
    selector,
    project,
    'project, scan kept': kept,
  } = Object.fromEntries(KINDS.map((kind) => [kind, of(kind)]));
  return [
    label,
    ms(floor),
    ms(anyRule),
    ms(exitListener),
    ms(selector),
    ms(project),
    ms(kept),
    percent((anyRule - floor) / floor),
    againstTarget((project - floor) / floor),
    againstTarget((project - anyRule) / floor),
    againstTarget((project - exitListener) / floor),
    againstTarget((kept - exitListener) / floor),
  ];
}

printTable(
  `Project rules on ${scanned.length} files (medians: ${ROUNDS} fresh processes, ${RELINTS} re-lints)`,
  ['measure', 'floor', 'with the project rules', 'added', 'target'],
  [
    ['first lint of a file (project read)', ms(first.floor), ms(first.project), ms(first.project - first.floor), '—'],
    [
      'first lint of a file (scan kept by an earlier process)',
      ms(firstKept.floor),
      ms(firstKept.project),
      ms(firstKept.project - firstKept.floor),
      '—',
    ],
    [
      're-lint after another file changed',
      ms(relint.floor),
      ms(relint.project),
      ms(relint.project - relint.floor),
      relint.project - relint.floor < 50 ? '< 50 ms ✅' : '< 50 ms ❌',
    ],
  ],
);
printTable(
  `Whole-tree lint of ${scanned.length} files (medians of ${ROUNDS} fresh processes; CPU: the whole process's during the lint)`,
  [
    'pass',
    'floor',
    'any rule',
    'rule listening to Program:exit',
    'selector rule',
    'project rules',
    'project rules, scan kept',
    'any rule adds / floor',
    'project adds / floor (< 5 %)',
    'project adds over any rule / floor (< 5 %)',
    'project adds over the Program:exit rule / floor (< 5 %)',
    'project, scan kept, adds over the Program:exit rule / floor (< 5 %)',
  ],
  Object.entries(PASSES).flatMap(([label, mode]) => [
    treeRow(`${label}, wall`, (name) => tree.get(`${mode} ${name}`).median),
    treeRow(`${label}, CPU`, (name) => median(cpu.get(`${mode} ${name}`))),
  ]),
);

// 4. Where the scan runs: an `eslint .` pass with a rule that scans the project at its first lint, on the
// lint's thread (as the project rules did before their first scan moved to a worker), on a worker thread, or
// not at all. ESLint's parse of every file shows what the scan costs the rest of the pass (docs/performance.md §7).
const PLACEMENTS = ['none', 'thread', 'worker'];
const placed = new Map(PLACEMENTS.map((placement) => [placement, []]));
await interleave(
  PLACEMENTS.map((placement) => ({
    name: placement,
    measure: () => {
      const pass = support('scanPlacement.mjs', placement);
      placed.get(placement).push(pass);
      return pass.ms;
    },
  })),
  ROUNDS,
);
const placedMedian = (placement, key) => median(placed.get(placement).map((pass) => pass[key]));
const noScan = placedMedian('none', 'ms');
printTable(
  `Where the scan runs: eslint . with a rule that scans at its first lint (medians of ${ROUNDS} fresh processes)`,
  ['scan', 'wall', 'added / the pass without it', "ESLint's parse, all files", 'the scan'],
  PLACEMENTS.map((placement) => [
    placement === 'none' ? 'none' : `on ${placement === 'thread' ? "the lint's thread" : 'a worker thread'}`,
    ms(placedMedian(placement, 'ms')),
    placement === 'none' ? '—' : percent((placedMedian(placement, 'ms') - noScan) / noScan),
    ms(placedMedian(placement, 'parseMs')),
    placement === 'none' ? '—' : ms(placedMedian(placement, 'scanMs')),
  ]),
);
