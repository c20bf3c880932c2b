// Inventory throughput: pg-boss-queues over the same tree as the codemod benchmark, next to the codemod
// (which reads the same files with the same kind of text check) and a tool that parses every file.
import { materializeCorpus } from './support/corpus.mjs';
import { interleave } from './support/measure.mjs';
import { assertScannedAll, jscodeshiftNoop, ourCli, printThroughput } from './support/throughput.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const { directory, files, scannedCount } = materializeCorpus('queues', 200);

const contenders = [
  ourCli('pg-boss-queues --json', 'pgBossQueues.js', ['--json'], directory),
  ourCli('pg-boss-codemod --dry', 'pgBossCodemod.js', ['--dry'], directory),
  jscodeshiftNoop(directory),
];

assertScannedAll(contenders[0], scannedCount);
assertScannedAll(contenders[1], scannedCount);
console.log(
  `corpus: ${files.length} files (the JS sources of ESLint, typescript-eslint and Babel, and 200 TypeScript app files)`,
);
const results = await interleave(
  contenders.map(({ name, run }) => ({ name, measure: () => run().ms })),
  ROUNDS,
);
printThroughput(
  `Inventory throughput (whole process, median of ${ROUNDS} interleaved runs)`,
  contenders,
  results,
  files.length,
);
console.log('\ntargets: within 1.5× of pg-boss-codemod --dry, and at least 5× faster than parsing every file');
