// What the project's scan costs the rest of a whole-tree lint, by where it runs: one `eslint .` pass in a
// fresh process with a rule that scans the project at its first lint on this thread (`firstScan`, as the
// project rules do for a small project or where no worker can start), on a worker thread the lint waits for
// (`startScanWorker`, as they do for a large one), or not at all. Prints JSON: the pass's wall and CPU time,
// ESLint's own parse time over every file (`stats`), and the rule's (the scan's) time.
//   node scanPlacement.mjs <corpus> none|thread|worker
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import { root } from './corpus.mjs';
import { treeConfig } from './treeConfigs.mjs';

const require = createRequire(import.meta.url);
const [directory, placement] = process.argv.slice(2);
if (!['none', 'thread', 'worker'].includes(placement))
  throw new Error('usage: scanPlacement.mjs <corpus> none|thread|worker');

const built = (file) => require(path.join(root, 'dist/src', file));
const { firstScan } = built('project/scanProject.js');
const { startScanWorker } = built('project/scanOnWorker.js');
const { ProjectFiles } = built('project/projectFiles.js');
const { listQueueFiles } = built('inventory/queueFiles.js');
const { DEFAULT_EXTENSIONS, readExtensions } = built('files/readExtensions.js');

/**
 * The first scan of `directory` with `file`'s text, here or on a worker thread, of the files listed here first
 * as the project rules list them; the number of problems found.
 */
function scan(file, text) {
  const files = new ProjectFiles();
  listQueueFiles([directory], readExtensions(DEFAULT_EXTENSIONS), files, () => {});
  const linted = { file, text };
  const first =
    placement === 'worker'
      ? startScanWorker([directory], linted)?.scan(files.toState())
      : firstScan([directory], linted, files);
  if (!first) throw new Error('no worker answered');
  return { problems: first.scan.inventory.problems.length };
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
