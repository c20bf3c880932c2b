// Whole-process lint time: `eslint` and `oxlint` from the command line on the lint corpus, each with no
// rules (the floor: start-up, parse, traverse), with the cheapest selector rule a JS plugin can have, and
// with our rule alone; oxlint loads both plugins through its `jsPlugins` setting. What a user waits for,
// start-up and file reading included, and the CPU time it costs, which other load on the machine hardly moves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { materializeCorpus } from './support/corpus.mjs';
import { lintConfig } from './support/lintConfigs.mjs';
import { interleave, median, ms, percent, printTable, ratio, timeProcess } from './support/measure.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RULE = 'pg-boss/no-bare-create-queue';
const require = createRequire(import.meta.url);
const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');
const oxlintBin = path.join(path.dirname(require.resolve('oxlint/package.json')), 'bin/oxlint');

const support = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support');
const preload = path.join(support, 'reportCpuTime.cjs');
const selectorPlugin = path.join(support, 'selectorPlugin.mjs');

const { directory, files } = materializeCorpus('lint-process', 200);
// The files every configuration parses, as in lint.bench.mjs, so both linters see exactly the same set.
const linter = new Linter({ configType: 'flat' });
const usable = files
  .filter(
    (file) =>
      !linter
        .verify(fs.readFileSync(file, 'utf8'), lintConfig('floor', file), { filename: file })
        .some((message) => message.fatal),
  )
  .map((file) => path.relative(directory, file));

/** Each configuration's plugin (a specifier or file) and rule id; `floor` runs no rule at all. */
const RULES = {
  floor: undefined,
  selector: { plugin: selectorPlugin, name: 'selector', rule: 'selector/create-queue' },
  ours: { plugin: 'eslint-plugin-pg-boss', name: 'pg-boss', rule: RULE },
};

// ESLint: the parsers of lintConfigs.mjs by extension, then the plugin's one rule.
const eslintConfig = (rule) => `import tsParser from '@typescript-eslint/parser';
${rule ? `import plugin from '${rule.plugin}';` : ''}
export default [
  { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } },
  { files: ['**/*.{js,cjs}'], languageOptions: { sourceType: 'commonjs' } },
  ${rule ? `{ plugins: { '${rule.name}': plugin }, rules: { '${rule.rule}': 'error' } },` : ''}
];
`;
// oxlint: its default rule categories off, so the floor runs no rule and the others only the plugin's.
const oxlintConfig = (rule) =>
  JSON.stringify({
    categories: { correctness: 'off' },
    ...(rule && { jsPlugins: [rule.plugin], rules: { [rule.rule]: 'error' } }),
  });
const commands = {};
for (const [kind, rule] of Object.entries(RULES)) {
  fs.writeFileSync(path.join(directory, `eslint.${kind}.mjs`), eslintConfig(rule));
  fs.writeFileSync(path.join(directory, `oxlintrc.${kind}.json`), oxlintConfig(rule));
  commands[`eslint ${kind}`] = [eslintBin, '-c', `eslint.${kind}.mjs`, ...usable];
  commands[`oxlint ${kind}`] = [oxlintBin, '-c', `oxlintrc.${kind}.json`, ...usable];
}

const cpuSamples = new Map(Object.keys(commands).map((name) => [name, []]));
/** One run: returns its wall time and records its CPU time. */
function run(name) {
  const { ms: wall, stderr } = timeProcess(process.execPath, ['-r', preload, ...commands[name]], {
    cwd: directory,
    allowFailure: true,
  });
  cpuSamples.get(name).push(Number(/cpu-ms=(\d+)/.exec(stderr)[1]));
  return wall;
}

/** How many reports of our rule a run prints, from one untimed run in JSON: both linters must agree. */
function reports(name) {
  const [bin, ...args] = commands[name];
  const { stdout } = spawnSync(process.execPath, [bin, '--format', 'json', ...args], {
    cwd: directory,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const output = JSON.parse(stdout);
  return bin === eslintBin
    ? output.flatMap((result) => result.messages).filter((message) => message.ruleId === RULE).length
    : output.diagnostics.filter((diagnostic) => diagnostic.code === 'pg-boss(no-bare-create-queue)').length;
}

const megabytes = usable.reduce((sum, file) => sum + fs.statSync(path.join(directory, file)).size, 0) / 1e6;
console.log(`corpus: ${usable.length} files, ${megabytes.toFixed(1)} MB (the lint corpus of lint.bench.mjs)`);
const times = await interleave(
  Object.keys(commands).map((name) => ({ name, measure: () => run(name) })),
  ROUNDS,
);
const cpu = (name) => median(cpuSamples.get(name));
const rows = ['eslint', 'oxlint'].flatMap((tool) =>
  Object.keys(RULES).map((kind) => {
    const name = `${tool} ${kind}`;
    const floor = `${tool} floor`;
    if (kind === 'floor') return [name, ms(times.get(name).median), ms(cpu(name)), '-', '-', '-'];
    return [
      name,
      ms(times.get(name).median),
      ms(cpu(name)),
      ms(cpu(name) - cpu(floor)),
      percent(cpu(name) / cpu(floor) - 1),
      kind === 'ours' ? reports(name) : '-',
    ];
  }),
);
printTable(
  `Whole-process lint from the command line (medians of ${ROUNDS} interleaved runs; CPU time counts every thread)`,
  ['linter and rule', 'wall', 'CPU', 'rule adds (CPU)', 'rule adds vs floor', 'our reports'],
  rows,
);
console.log(
  `\nwith our rule, oxlint takes ${ratio(times.get('eslint ours').median / times.get('oxlint ours').median)} less wall time and ${ratio(cpu('eslint ours') / cpu('oxlint ours'))} less CPU time than ESLint`,
);
