// Codemod throughput: pg-boss-codemod against what a user would otherwise run on the same tree — a
// jscodeshift transform that parses every file (the cost of a naive codemod) and ast-grep's rewrite.
import path from 'node:path';
import { materializeCorpus, root } from './support/corpus.mjs';
import { interleave, ms, printTable, ratio, timeProcess } from './support/measure.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const { directory, files } = materializeCorpus('codemod', 200);
const bin = (name) => path.join(root, 'node_modules/.bin', name);

const contenders = [
  {
    name: 'pg-boss-codemod --dry',
    run: () => timeProcess(process.execPath, [path.join(root, 'dist/src/cli/pgBossCodemod.js'), '--dry', directory]),
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
  {
    // ast-grep picks files by language, so one run per language covers the tree.
    name: 'ast-grep run -p $B.createQueue($$$A) -r …',
    run: () =>
      ['ts', 'js'].reduce(
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
  },
];

console.log(
  `corpus: ${files.length} files (the JS sources of ESLint, typescript-eslint and Babel, and 200 TypeScript app files)`,
);
const results = await interleave(
  contenders.map(({ name, run }) => ({
    name,
    measure: () => {
      const result = run();
      return typeof result === 'number' ? result : result.ms;
    },
  })),
  ROUNDS,
);
const ours = results.get(contenders[0].name).median;
printTable(
  `Codemod throughput (whole process, median of ${ROUNDS} interleaved runs)`,
  ['tool', 'time', 'files/s', 'time vs pg-boss-codemod'],
  contenders.map(({ name }) => {
    const time = results.get(name).median;
    return [name, ms(time), Math.round(files.length / (time / 1000)), ratio(time / ours)];
  }),
);
console.log('\ntargets: at least 10× faster than the no-op jscodeshift run, and within 2× of ast-grep');
