// Inventory throughput: pg-boss-queues over the same tree as the codemod benchmark, next to the codemod
// (which reads the same files with the same kind of text check) and a tool that parses every file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { materializeCorpus, root } from './support/corpus.mjs';
import { interleave, ms, printTable, ratio, timeProcess } from './support/measure.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const corpus = materializeCorpus('queues', 200);
// bench/.work is ignored by this repository's .gitignore, and both tools let git decide what a tree inside a
// work tree holds: they would scan nothing. A copy outside any work tree is walked as a user's tree is.
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-queues-bench-'));
fs.cpSync(corpus.directory, directory, { recursive: true });
const { files } = corpus;
process.on('exit', () => fs.rmSync(directory, { recursive: true, force: true }));

/** Fails the benchmark when a tool did not see the corpus: timing an empty scan measures nothing. */
function scannedAll(result) {
  const scanned = Number(/(\d+) files scanned/.exec(result.stderr)?.[1]);
  if (scanned < files.length * 0.9)
    throw new Error(`only ${scanned} of ${files.length} files scanned:\n${result.stderr}`);
  return result;
}

const contenders = [
  {
    name: 'pg-boss-queues --json',
    run: () =>
      scannedAll(timeProcess(process.execPath, [path.join(root, 'dist/src/cli/pgBossQueues.js'), '--json', directory])),
  },
  {
    name: 'pg-boss-codemod --dry',
    run: () =>
      scannedAll(timeProcess(process.execPath, [path.join(root, 'dist/src/cli/pgBossCodemod.js'), '--dry', directory])),
  },
  {
    name: 'jscodeshift, no-op transform (parses every file)',
    run: () =>
      timeProcess(process.execPath, [
        path.join(root, 'node_modules/jscodeshift/bin/jscodeshift.js'),
        '-t',
        path.join(root, 'bench/support/noopTransform.cjs'),
        '--no-babel',
        '--extensions=js,mjs,cjs,ts',
        '--dry',
        '--silent',
        directory,
      ]),
  },
];

console.log(
  `corpus: ${files.length} files (the JS sources of ESLint, typescript-eslint and Babel, and 200 TypeScript app files)`,
);
const results = await interleave(
  contenders.map(({ name, run }) => ({ name, measure: () => run().ms })),
  ROUNDS,
);
const ours = results.get(contenders[0].name).median;
printTable(
  `Inventory throughput (whole process, median of ${ROUNDS} interleaved runs)`,
  ['tool', 'time', 'files/s', 'time vs pg-boss-queues'],
  contenders.map(({ name }) => {
    const time = results.get(name).median;
    return [name, ms(time), Math.round(files.length / (time / 1000)), ratio(time / ours)];
  }),
);
console.log('\ntargets: within 1.5× of pg-boss-codemod --dry, and at least 5× faster than parsing every file');
