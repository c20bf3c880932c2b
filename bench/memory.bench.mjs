// Peak memory (resident set size) of whole processes: the codemod on the corpus, and ESLint with and
// without our rule on the same files.
import fs from 'node:fs';
import path from 'node:path';
import { materializeCorpus, root } from './support/corpus.mjs';
import { median, printTable, ratio, timeProcess } from './support/measure.mjs';

const RUNS = Number(process.env.BENCH_ROUNDS ?? 3);
const preload = path.join(root, 'bench/support/reportMaxRss.cjs');
const { directory, files } = materializeCorpus('memory', 200);
const listFile = path.join(directory, 'files.json');
fs.writeFileSync(listFile, JSON.stringify(files));

/** Median peak RSS in MB of `node -r reportMaxRss <args>` over RUNS runs. */
function peakRss(args) {
  const samples = Array.from({ length: RUNS }, () => {
    const { stderr } = timeProcess(process.execPath, ['-r', preload, ...args]);
    return Number(/maxrss-kb=(\d+)/.exec(stderr)[1]) / 1024;
  });
  return median(samples);
}

const codemod = peakRss([path.join(root, 'dist/src/cli/pgBossCodemod.js'), '--dry', directory]);
const lintFloor = peakRss([path.join(root, 'bench/support/lintOnce.mjs'), 'floor', listFile]);
const lintOurs = peakRss([path.join(root, 'bench/support/lintOnce.mjs'), 'ours', listFile]);
const lintRestricted = peakRss([path.join(root, 'bench/support/lintOnce.mjs'), 'restricted', listFile]);
const mb = (value) => `${value.toFixed(0)} MB`;
printTable(
  `Peak RSS (median of ${RUNS} runs, ${files.length} files)`,
  ['process', 'peak RSS', 'vs ESLint without the rule'],
  [
    ['pg-boss-codemod --dry', mb(codemod), ratio(codemod / lintFloor)],
    ['ESLint, no rules', mb(lintFloor), ratio(1)],
    ['ESLint, pg-boss/no-bare-create-queue', mb(lintOurs), ratio(lintOurs / lintFloor)],
    ['ESLint, no-restricted-syntax selector', mb(lintRestricted), ratio(lintRestricted / lintFloor)],
  ],
);
