// The project rules' scan alone, in a fresh process: what the first lint of a file pays before any rule
// runs. `node bench/support/scanCpu.mjs <corpus> <linted file> [<package root>]` prints the CPU and wall time
// of `scanProject` over the corpus and the number of queues found, as JSON. Another build's package root
// (a copy of this folder with its own `dist`) compares two builds run in turn.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './corpus.mjs';

const [directory, file, packageRoot = root] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { scanProject } = require(path.resolve(packageRoot, 'dist/src/project/scanProject.js'));
const text = fs.readFileSync(file, 'utf8');
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
const scan = scanProject([path.resolve(directory)], { file: path.resolve(file), text });
const { user, system } = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    cpuMs: (user + system) / 1000,
    wallMs: Number(process.hrtime.bigint() - start) / 1e6,
    queues: scan.inventory.queues.length,
  }),
);
