// What a project's first scan spends its time on, step by step, in a fresh process: listing the tree (git,
// then a stat per file), reading every file once, finding the candidates' operations (parsing them
// included), building the inventory, and the digests a worker thread hands over with it. Prints JSON (ms).
//   node scanPhases.mjs <corpus>
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './corpus.mjs';

const require = createRequire(import.meta.url);
const built = (file) => require(path.join(root, 'dist/src', file));
const { ProjectFiles } = built('project/projectFiles.js');
const { readQueueFiles, scanOf } = built('inventory/queueFiles.js');
const { findProgramOperations } = built('inventory/findProgramOperations.js');
const { DEFAULT_EXTENSIONS, readExtensions } = built('files/readExtensions.js');

const [directory] = process.argv.slice(2);
const files = new ProjectFiles();
const times = {};
let last = performance.now();
const step = (name) => {
  const now = performance.now();
  times[name] = Math.round(now - last);
  last = now;
};

const extensions = readExtensions(DEFAULT_EXTENSIONS);
files.list([directory], new Set([...extensions, 'json']), () => {});
step('list');
const read = readQueueFiles([directory], extensions, files);
step('read');
const found = findProgramOperations({ ...read, fileSource: files });
step('operations');
scanOf(read, found, false);
step('inventory');
files.toState();
step('handOver');
console.log(JSON.stringify({ ...times, files: read.scanned, candidates: read.candidates.length }));
