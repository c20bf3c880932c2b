// Codemod throughput: pg-boss-codemod against what a user would otherwise run on the same tree — a
// jscodeshift transform that parses every file (the cost of a naive codemod) and ast-grep's rewrite.
// BENCH_CODEMOD_BASELINE=<another build's dist/src/cli/pgBossCodemod.js> times that build too, in the same
// rounds: a before/after that no change in the machine's load can tilt.
import path from 'node:path';
import { materializeCorpus, root } from './support/corpus.mjs';
import { timeProcess } from './support/measure.mjs';
import { assertScannedAll, jscodeshiftNoop, measureThroughput, ourCli } from './support/throughput.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const { directory, files, scannedCount } = materializeCorpus('codemod', 200);
const bin = (name) => path.join(root, 'node_modules/.bin', name);

const codemod = ourCli('pg-boss-codemod --dry', 'pgBossCodemod.js', ['--dry'], directory);
const baselineScript = process.env.BENCH_CODEMOD_BASELINE;
const baseline = baselineScript && {
  name: 'pg-boss-codemod --dry, baseline build',
  run: () => timeProcess(process.execPath, [path.resolve(baselineScript), '--dry', directory], { allowFailure: true }),
};
const contenders = [
  codemod,
  ...(baseline ? [baseline] : []),
  jscodeshiftNoop(directory),
  {
    // ast-grep picks files by language, so one run per language covers the tree.
    name: 'ast-grep run -p $B.createQueue($$$A) -r …',
    run: () => ({
      ms: ['ts', 'js'].reduce(
        (sum, language) =>
          sum +
          timeProcess(
            bin('ast-grep'),
            [
              'run',
              '--pattern',
              '$B.createQueue($$$A)',
              '--rewrite',
              'safeCreateQueue($B, $$$A)',
              '--lang',
              language,
              directory,
            ],
            { allowFailure: true },
          ).ms,
        0,
      ),
    }),
  },
];

assertScannedAll(codemod, scannedCount);
if (baseline) assertScannedAll(baseline, scannedCount);
await measureThroughput('Codemod throughput', contenders, files.length, ROUNDS);
console.log('\ntargets: at least 10× faster than the no-op jscodeshift run, and within 2× of ast-grep');
