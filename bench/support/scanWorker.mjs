// scanPlacement.mjs's worker: scans the project once, posts the number of problems found, wakes the lint.
import { createRequire } from 'node:module';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { root } from './corpus.mjs';

const { directory, file, text, done, port } = workerData;
const { scanProject } = createRequire(import.meta.url)(path.join(root, 'dist/src/project/scanProject.js'));
port.postMessage({ problems: scanProject([directory], { file, text }).inventory.problems.length });
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
