// What the project rules' first lint pays besides ESLint, each part in a fresh process (run it once per figure,
// alternating with the build it is compared against). Prints JSON; CPU is the process's user + system time
// around the part alone.
//   scan <corpus> <file>: the first scanProject of the corpus (listed, read, parsed, inventory built);
//   list <corpus>: the listing alone (ProjectFiles#list), with the number of stats and folder reads it made;
//   load: requiring the plugin in a process that has already loaded ESLint and the parsers, as a lint run has.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { root } from './corpus.mjs';

const require = createRequire(import.meta.url);
const [part, corpus, file] = process.argv.slice(2);

/** `run`'s CPU time (user + system, the whole process meanwhile) and what it returned. */
function cpuOf(run) {
  const before = process.cpuUsage();
  const result = run();
  const { user, system } = process.cpuUsage(before);
  return { cpuMs: (user + system) / 1e3, ...result };
}

if (part === 'scan') {
  const { scanProject } = require(`${root}/dist/src/project/scanProject.js`);
  const text = fs.readFileSync(file, 'utf8');
  console.log(
    JSON.stringify(cpuOf(() => ({ problems: scanProject([corpus], { file, text }).inventory.problems.length }))),
  );
} else if (part === 'list') {
  const { ProjectFiles } = require(`${root}/dist/src/project/projectFiles.js`);
  const { DEFAULT_EXTENSIONS, readExtensions } = require(`${root}/dist/src/files/readExtensions.js`);
  const calls = { statSync: 0, readdirSync: 0 };
  for (const name of Object.keys(calls)) {
    const original = fs[name];
    fs[name] = (...args) => (calls[name]++, original(...args));
  }
  const extensions = readExtensions(DEFAULT_EXTENSIONS);
  const listed = cpuOf(() => ({ files: new ProjectFiles().list([corpus], extensions, () => {}).length }));
  console.log(JSON.stringify({ ...listed, ...calls }));
} else if (part === 'load') {
  for (const module of ['eslint', '@typescript-eslint/parser', 'espree']) require(module);
  const before = Object.keys(require.cache).length;
  const loaded = cpuOf(() => (require(`${root}/dist/src/index.js`), {}));
  console.log(JSON.stringify({ ...loaded, modules: Object.keys(require.cache).length - before }));
} else {
  throw new Error('usage: scanCost.mjs scan <corpus> <file> | list <corpus> | load');
}
