// What the project's scan costs the rest of a whole-tree lint, by where it runs: one `eslint .` pass in a
// fresh process with a rule that scans the project at its first lint (`scanProject`, as the project rules
// do) on this thread, in a worker thread the lint waits for, or not at all. Prints JSON: the pass's wall and
// CPU time, ESLint's own parse time over every file (`stats`), and the rule's (the scan's) time.
//   node scanPlacement.mjs <corpus> none|thread|worker
import { createRequire } from 'node:module';
import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { ESLint } from 'eslint';
import { root } from './corpus.mjs';
import { treeConfig } from './treeConfigs.mjs';

const require = createRequire(import.meta.url);
const [directory, placement] = process.argv.slice(2);
if (!['none', 'thread', 'worker'].includes(placement))
  throw new Error('usage: scanPlacement.mjs <corpus> none|thread|worker');

/** The scan of `directory` with `file`'s text, on a worker thread; this thread sleeps until the answer is posted. */
function scanOnWorker(file, text) {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(root, 'bench/support/scanWorker.mjs'), {
    workerData: { directory, file, text, done, port: port2 },
    transferList: [port2],
  });
  Atomics.wait(done, 0, 0);
  worker.unref();
  return receiveMessageOnPort(port1).message;
}

function scanOnThread(file, text) {
  const { scanProject } = require(path.join(root, 'dist/src/project/scanProject.js'));
  return { problems: scanProject([directory], { file, text }).inventory.problems.length };
}

let scanned;
const plugin = {
  meta: { name: 'scan-placement' },
  rules: {
    scan: {
      meta: { type: 'problem', schema: [] },
      create: (context) => ({
        'Program:exit'() {
          if (scanned || placement === 'none') return;
          const scan = placement === 'worker' ? scanOnWorker : scanOnThread;
          scanned = scan(context.physicalFilename, context.sourceCode.text);
        },
      }),
    },
  },
};

const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
const results = await new ESLint({
  cwd: directory,
  overrideConfigFile: true,
  overrideConfig: [...treeConfig('floor'), { plugins: { scan: plugin }, rules: { 'scan/scan': 'error' } }],
  stats: true,
}).lintFiles(['.']);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const { user, system } = process.cpuUsage(cpu);
const passes = results.flatMap((result) => result.stats.times.passes);
const sum = (of) => passes.reduce((total, pass) => total + (of(pass) ?? 0), 0);
if (placement !== 'none' && !(scanned?.problems > 0)) throw new Error('the scan found no problem: it did not run');
console.log(
  JSON.stringify({
    placement,
    ms,
    cpuMs: (user + system) / 1e3,
    parseMs: sum((pass) => pass.parse?.total),
    scanMs: sum((pass) => pass.rules?.['scan/scan']?.total),
  }),
);
