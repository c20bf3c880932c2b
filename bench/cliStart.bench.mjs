// Start-up of the two CLIs: `--version`, `--help` and a run over an empty tree, each next to a bare
// `node -e 0` started right before or after it. In a pre-commit hook or on a small repository this is the
// whole run, so it should cost little more than starting Node.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, workDirectory } from './support/corpus.mjs';
import { median, ms, printTable, ratio, timeProcess } from './support/measure.mjs';

const PAIRS = Number(process.env.BENCH_ROUNDS ?? 7);
const cli = (script) => path.join(root, 'dist/src/cli', script);

// An empty folder that is a git repository of its own, as a fresh project is: the CLIs ask git what it holds.
const empty = path.join(workDirectory, 'cli-start');
fs.rmSync(empty, { recursive: true, force: true });
fs.mkdirSync(empty, { recursive: true });
spawnSync('git', ['init', '-q'], { cwd: empty });

const baseline = ['-e', '0'];
const commands = {
  'pg-boss-codemod --version': [cli('pgBossCodemod.js'), '--version'],
  'pg-boss-codemod --help': [cli('pgBossCodemod.js'), '--help'],
  'pg-boss-codemod --dry <empty tree>': [cli('pgBossCodemod.js'), '--dry', '.'],
  'pg-boss-queues --version': [cli('pgBossQueues.js'), '--version'],
  'pg-boss-queues --json <empty tree>': [cli('pgBossQueues.js'), '--json', '.'],
};

const time = (args) => timeProcess(process.execPath, args, { cwd: empty }).ms;
const rows = [];
for (const [name, args] of Object.entries(commands)) {
  time(args); // warm the file system cache for this command's modules
  const own = [];
  const node = [];
  const ratios = [];
  // Pairs in turn, the order swapped each time, so a drift in the machine's speed hits both sides.
  for (let pair = 0; pair < PAIRS; pair++) {
    const [first, second] = pair % 2 ? [baseline, args] : [args, baseline];
    const a = time(first);
    const b = time(second);
    const [ours, bare] = pair % 2 ? [b, a] : [a, b];
    own.push(ours);
    node.push(bare);
    ratios.push(ours / bare);
  }
  rows.push([name, ms(median(own)), ms(median(node)), ratio(median(ratios))]);
}

printTable(
  `CLI start (whole process, median of ${PAIRS} interleaved pairs)`,
  ['command', 'time', 'node -e 0', 'ratio (median of pairs)'],
  rows,
);
console.log('\ntarget: every command within 3× of node -e 0');
