// What the whole-tree benchmarks (codemod, inventory) share: the baselines a user would otherwise run,
// the check that a tool really read the corpus, and the throughput table.
import path from 'node:path';
import { root } from './corpus.mjs';
import { interleave, ms, printTable, ratio, timeProcess } from './measure.mjs';

/** One of our CLIs over `directory`; exit 1 (findings, calls left for you) is an answer, not a failure. */
export function ourCli(name, script, args, directory) {
  return {
    name,
    run: () =>
      timeProcess(process.execPath, [path.join(root, 'dist/src/cli', script), ...args, directory], {
        allowFailure: true,
      }),
  };
}

/** A jscodeshift transform that changes nothing: the cost of a naive codemod, which parses every file. */
export function jscodeshiftNoop(directory) {
  return {
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
  };
}

/** Fails the benchmark when a CLI did not scan the whole corpus: timing an empty scan measures nothing. */
export function assertScannedAll(contender, expected) {
  const { stderr } = contender.run();
  const scanned = Number(/(\d+) files? scanned/.exec(stderr)?.[1]);
  if (scanned !== expected)
    throw new Error(`${contender.name} scanned ${scanned} files, not the ${expected} it should:\n${stderr}`);
}

/**
 * Times every contender over the corpus, interleaved over `rounds`, and prints the table of medians: time,
 * files per second, and each time relative to the first contender's.
 */
export async function measureThroughput(title, contenders, fileCount, rounds) {
  console.log(
    `corpus: ${fileCount} files (the JS sources of ESLint, typescript-eslint and Babel, and 200 TypeScript app files)`,
  );
  const results = await interleave(
    contenders.map(({ name, run }) => ({ name, measure: () => run().ms })),
    rounds,
  );
  const ours = results.get(contenders[0].name).median;
  printTable(
    `${title} (whole process, median of ${rounds} interleaved runs)`,
    ['tool', 'time', 'files/s', `time vs ${contenders[0].name}`],
    contenders.map(({ name }) => {
      const time = results.get(name).median;
      return [name, ms(time), Math.round(fileCount / (time / 1000)), ratio(time / ours)];
    }),
  );
}
