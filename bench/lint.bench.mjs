// Lint cost: what our rule adds to ESLint, against the parse-and-traverse floor and the cheapest selector
// rule anyone could write (no-restricted-syntax), untyped and typed, on real packages plus app files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { materializeCorpus, root } from './support/corpus.mjs';
import { lintConfig } from './support/lintConfigs.mjs';
import { interleave, median, ms, percent, printTable } from './support/measure.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RULE_IDS = { ours: 'pg-boss/no-bare-create-queue', restricted: 'no-restricted-syntax' };
const NAMES = { floor: 'no rules (floor)', ours: RULE_IDS.ours, restricted: 'no-restricted-syntax selector' };

/** Config arrays are built once per kind and file kind, so every pass lints with the same objects. */
function configCache(parserOptions) {
  const cache = new Map();
  return (kind, file) => {
    const key = `${kind}:${path.extname(file)}`;
    if (!cache.has(key)) cache.set(key, lintConfig(kind, file, parserOptions));
    return cache.get(key);
  };
}

/**
 * One whole pass over the corpus, with ESLint's own per-rule timing (`stats`): the pass's wall time, and
 * the time spent inside the measured rule, split into the real packages and the generated app files.
 */
function lintPass(linter, sources, configFor, kind) {
  const rule = { real: 0, app: 0 };
  let reported = 0;
  const start = process.hrtime.bigint();
  for (const { file, text, app } of sources) {
    reported += linter.verifyAndFix(text, configFor(kind, file), { filename: file, stats: true, fix: false }).messages
      .length;
    rule[app ? 'app' : 'real'] += linter.getTimes().passes[0].rules?.[RULE_IDS[kind]]?.total ?? 0;
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, reported, rule };
}

async function measure(label, sources, configFor, kinds, rounds) {
  const linter = new Linter({ configType: 'flat' });
  // Warm-up: with type information the first pass builds the program and the first question the checker.
  for (const kind of kinds) lintPass(linter, sources, configFor, kind);
  const reported = {};
  const ruleTimes = Object.fromEntries(kinds.map((kind) => [kind, { real: [], app: [], total: [] }]));
  const passes = await interleave(
    kinds.map((kind) => ({
      name: kind,
      measure: () => {
        const pass = lintPass(linter, sources, configFor, kind);
        reported[kind] = pass.reported;
        ruleTimes[kind].real.push(pass.rule.real);
        ruleTimes[kind].app.push(pass.rule.app);
        ruleTimes[kind].total.push(pass.rule.real + pass.rule.app);
        return pass.ms;
      },
    })),
    rounds,
  );
  const floor = passes.get('floor').median;
  const selector = kinds.includes('restricted') ? median(ruleTimes.restricted.total) : undefined;
  const rows = kinds.map((kind) => {
    const pass = passes.get(kind).median;
    if (kind === 'floor') return [NAMES[kind], ms(pass), '-', '-', '-', '-', '-', reported[kind]];
    const total = median(ruleTimes[kind].total);
    return [
      NAMES[kind],
      ms(pass),
      percent(pass / floor - 1),
      ms(median(ruleTimes[kind].real)),
      ms(median(ruleTimes[kind].app)),
      percent(total / floor),
      selector === undefined ? '-' : `${(total / selector).toFixed(2)}×`,
      reported[kind],
    ];
  });
  printTable(
    `Lint cost, ${label}, re-lints in one process as an editor's (medians of ${rounds} interleaved passes; rule time: ESLint stats of the same passes)`,
    [
      'config',
      'pass',
      'pass vs floor',
      'rule time, packages',
      'rule time, app files',
      'rule time / floor',
      'rule time / selector',
      'messages',
    ],
    rows,
  );
}

/**
 * The whole corpus as `eslint .` lints it, each pass in a fresh process (bench/support/lintTree.mjs): every
 * file is a first lint, as in a CI run or a pre-commit hook, where the re-lints above are an editor's. The
 * rule's time is ESLint's own per-rule timing (`stats`) of that pass, summed over its results.
 */
async function measureTree(directory, scanned, rounds) {
  fs.writeFileSync(`${directory}.files.json`, JSON.stringify(scanned));
  const lintTree = (kind) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [path.join(root, 'bench/support/lintTree.mjs'), directory, 'eslint', kind, RULE_IDS[kind]],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        },
      ),
    );
  const kinds = ['ours', 'restricted'];
  const reported = {};
  const ruleTimes = Object.fromEntries(kinds.map((kind) => [kind, { lib: [], app: [], total: [] }]));
  const passes = await interleave(
    kinds.map((kind) => ({
      name: kind,
      measure: () => {
        const pass = lintTree(kind);
        reported[kind] = pass.reported;
        const { lib = 0, app = 0 } = pass.ruleMs;
        ruleTimes[kind].lib.push(lib);
        ruleTimes[kind].app.push(app);
        ruleTimes[kind].total.push(lib + app);
        return pass.ms;
      },
    })),
    rounds,
  );
  const selector = median(ruleTimes.restricted.total);
  printTable(
    `Lint cost, untyped, \`eslint .\` over ${scanned.length} files (medians of ${rounds} interleaved fresh processes; rule time: ESLint stats of the same passes)`,
    ['config', 'pass', 'rule time, packages', 'rule time, app files', 'rule time / selector', 'messages'],
    kinds.map((kind) => [
      NAMES[kind],
      ms(passes.get(kind).median),
      ms(median(ruleTimes[kind].lib)),
      ms(median(ruleTimes[kind].app)),
      `${(median(ruleTimes[kind].total) / selector).toFixed(2)}×`,
      reported[kind],
    ]),
  );
}

const { directory, files, scanned } = materializeCorpus('lint', 200);
const appDirectory = path.join(directory, 'app');
const sources = files.map((file) => ({
  file,
  text: fs.readFileSync(file, 'utf8'),
  app: file.startsWith(appDirectory),
}));
const parses = new Linter({ configType: 'flat' });
const untypedConfig = configCache();
// Only files every parser accepts, so each configuration lints exactly the same set.
const usable = sources.filter(
  ({ file, text }) =>
    !parses.verify(text, untypedConfig('floor', file), { filename: file }).some((message) => message.fatal),
);
const megabytes = usable.reduce((sum, { text }) => sum + text.length, 0) / 1e6;
console.log(
  `corpus: ${usable.length} files, ${megabytes.toFixed(1)} MB: the JS sources of ESLint, typescript-eslint and Babel from node_modules, and 200 generated TypeScript app files with 600 createQueue calls`,
);

await measure('untyped', usable, untypedConfig, ['floor', 'ours', 'restricted'], ROUNDS);
await measureTree(directory, scanned, ROUNDS);

fs.writeFileSync(
  path.join(directory, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'preserve',
      moduleResolution: 'bundler',
      allowJs: true,
      checkJs: false,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ['**/*'],
  }),
);
await measure(
  'typed (projectService, allowJs)',
  usable,
  configCache({ projectService: true, tsconfigRootDir: directory }),
  ['floor', 'ours'],
  Math.max(3, ROUNDS - 2),
);
console.log(
  "\ntargets: our rule's time under 2% of the floor untyped, under 5% typed, and at most 1.5× the selector rule's",
);
