// Inventory throughput: pg-boss-queues over the same tree as the codemod benchmark, next to the codemod
// (which reads the same files with the same kind of text check) and a tool that parses every file.
import { materializeCorpus } from './support/corpus.mjs';
import { assertScannedAll, jscodeshiftNoop, measureThroughput, ourCli } from './support/throughput.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const { directory, files, scannedCount } = materializeCorpus('queues', 200);

const contenders = [
  ourCli('pg-boss-queues --json', 'pgBossQueues.js', ['--json'], directory),
  ourCli('pg-boss-codemod --dry', 'pgBossCodemod.js', ['--dry'], directory),
  jscodeshiftNoop(directory),
];

assertScannedAll(contenders[0], scannedCount);
assertScannedAll(contenders[1], scannedCount);
await measureThroughput('Inventory throughput', contenders, files.length, ROUNDS);
console.log('\ntargets: within 1.5× of pg-boss-codemod --dry, and at least 5× faster than parsing every file');
