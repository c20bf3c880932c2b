// Codemod throughput: pg-boss-codemod against what a user would otherwise run on the same tree — a
// jscodeshift transform that parses every file (the cost of a naive codemod) and ast-grep's rewrite.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { materializeCorpus, root } from './support/corpus.mjs';
import { interleave, ms, printTable, ratio, timeProcess } from './support/measure.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const { directory, files } = materializeCorpus('codemod', 200);
// A repository of its own, as a user's tree is: inside this one, bench/.work is git-ignored, and the
// codemod (which asks git what to skip in each scanned directory) would scan nothing.
execFileSync('git', ['init', '-q'], { cwd: directory });
const oursArgs = [path.join(root, 'dist/src/cli/pgBossCodemod.js'), '--dry', directory];
const bin = (name) => path.join(root, 'node_modules/.bin', name);

const contenders = [
  {
    name: 'pg-boss-codemod --dry',
    // Exit 1 when calls are left for you is an answer, not a failure.
    run: () => timeProcess(process.execPath, oursArgs, { allowFailure: true }),
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

// Every file but those in nested node_modules (Babel vendors semver), which the codemod always skips.
const expected = files.filter(
  (file) => !path.relative(directory, file).split(path.sep).includes('node_modules'),
).length;
const summary = timeProcess(process.execPath, oursArgs, { allowFailure: true })
  .stderr.split('\n')
  .find((line) => line.startsWith('pg-boss-codemod'));
if (!summary?.includes(`: ${expected} files scanned`))
  throw new Error(`pg-boss-codemod did not scan the ${expected} files it should: ${summary}`);
console.log(summary);
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
