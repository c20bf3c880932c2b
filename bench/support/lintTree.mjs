// One lint pass in a fresh process, so the project rules start with no project kept. Prints the time of the
// lint alone (wall and the process's CPU) and the project rules' reports, as JSON.
//   eslint <kind> [rule id]: the whole directory through the ESLint class, as `eslint .` lints it; given a rule
//     id, with ESLint's per-rule timing (`stats`), counting that rule's reports and adding its time per top
//     folder of the tree (`ruleMs`), as `eslint --stats .` would show it;
//   verify <kind>: every file of the list through a synchronous `Linter#verify` loop, with one config per
//     kind for every file, as the ESLint class hands its one config array to the linter for each file;
//   first <file>: one file with the floor (parser loaded and warm), then with the project rules (project read).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import { lintConfig } from './lintConfigs.mjs';
import { treeConfig } from './treeConfigs.mjs';

const [directory, task, argument] = process.argv.slice(2);

/**
 * Only the timed rule's reports, or else the project rules', are counted: some corpus files do not parse in
 * every configuration.
 */
const countReports = (messages, ruleId) =>
  messages.filter((message) => (ruleId ? message.ruleId === ruleId : message.ruleId?.startsWith('pg-boss/'))).length;

/** The time ESLint's stats give `ruleId` in one result, over all of its passes (a fix run has several). */
const ruleTime = (result, ruleId) =>
  result.stats.times.passes.reduce((sum, pass) => sum + (pass.rules?.[ruleId]?.total ?? 0), 0);

/** `run`'s wall time and the CPU time the whole process spent meanwhile (file reads and garbage collection too). */
async function timed(run) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const reported = await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const { user, system } = process.cpuUsage(cpu);
  return { ms, cpuMs: (user + system) / 1e3, reported };
}

const listed = () => JSON.parse(fs.readFileSync(`${directory}.files.json`, 'utf8'));

if (task === 'eslint') {
  const files = listed();
  const timedRule = process.argv[5];
  let results;
  const pass = await timed(async () => {
    const eslint = new ESLint({
      cwd: directory,
      overrideConfigFile: true,
      overrideConfig: treeConfig(argument),
      stats: Boolean(timedRule),
    });
    results = await eslint.lintFiles(['.']);
    // `eslint .` must lint exactly the list the other passes lint, or the two figures compare different trees.
    if (results.length !== files.length) throw new Error(`eslint . linted ${results.length} of ${files.length} files`);
    return results.reduce((sum, result) => sum + countReports(result.messages, timedRule), 0);
  });
  if (timedRule) {
    pass.ruleMs = {};
    for (const result of results) {
      const folder = path.relative(directory, result.filePath).split(path.sep)[0];
      pass.ruleMs[folder] = (pass.ruleMs[folder] ?? 0) + ruleTime(result, timedRule);
    }
  }
  console.log(JSON.stringify(pass));
} else if (task === 'verify') {
  const files = listed();
  const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
  const linter = new Linter({ configType: 'flat', cwd: directory });
  const configs = configArray(treeConfig(argument));
  const pass = await timed(() =>
    files.reduce((sum, file, index) => sum + countReports(linter.verify(texts[index], configs, { filename: file })), 0),
  );
  console.log(JSON.stringify(pass));
} else {
  const linter = new Linter({ configType: 'flat', cwd: directory });
  const text = fs.readFileSync(argument, 'utf8');
  const lint = (kind) =>
    timed(() => countReports(linter.verify(text, lintConfig(kind, argument), { filename: argument })));
  await lint('floor');
  const floor = await lint('floor');
  const first = await lint('project');
  console.log(JSON.stringify({ floorMs: floor.ms, firstMs: first.ms, reported: first.reported }));
}

/**
 * The config array ESLint's CLI builds once and asks for each file's config (which it caches). `Linter#verify`
 * builds a new one from a plain array on every call; given one already built, it uses it as it is. ESLint
 * does not export the class, so it is loaded from its file.
 */
function configArray(config) {
  const require = createRequire(import.meta.url);
  const eslintDirectory = path.dirname(require.resolve('eslint/package.json'));
  const { FlatConfigArray } = require(path.join(eslintDirectory, 'lib/config/flat-config-array.js'));
  const configs = new FlatConfigArray(config, { basePath: directory });
  configs.normalizeSync();
  return configs;
}
