import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXTENSIONS, readExtensions } from '../../src/files/readExtensions';
import { dependenciesFirst } from '../../src/inventory/dependenciesFirst';
import { diskFileSource } from '../../src/inventory/fileSource';
import { ProjectModules } from '../../src/inventory/projectModules';
import type { QueueInventory } from '../../src/inventory/queueInventory';
import { scanQueues } from '../../src/inventory/scanQueues';
import { inventoryReports, projectRulesOptions, reports } from '../support/projectRuleReports';
import { removeAfterEach, runQueues, writeTree } from '../support/queuesMonorepo';

// Counted, not changed: how much ordering the reads of re-export cycles cost.
vi.mock('../../src/inventory/dependenciesFirst', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/inventory/dependenciesFirst')>();
  return { ...actual, dependenciesFirst: vi.fn(actual.dependenciesFirst) };
});

// Each case starts the real CLI and lints a small project, which a loaded machine can take seconds to do.
const PROCESS_TIMEOUT = { timeout: 30_000 };

const temporary = removeAfterEach();

const BOSS = "import { PgBoss } from 'pg-boss';\nexport const boss = new PgBoss(process.env.DATABASE_URL!);\n";

/** One send per queue, a line each: line 2 for the first, at column 7. */
function usesOf(queues: readonly string[]): string {
  return `import { boss } from './boss';\n${queues.map((queue) => `await boss.send('${queue}', {});\n`).join('')}`;
}

/** The tree's inventory through the CLI, and the reports of `recommended-project` through the ESLint class. */
async function judge(files: Record<string, string>) {
  const directory = temporary(writeTree(files));
  const { code, stdout } = runQueues(directory, '--json', '.');
  const inventory = JSON.parse(stdout) as QueueInventory;
  const results = await new ESLint(projectRulesOptions(directory)).lintFiles(['.']);
  return {
    code,
    verdicts: Object.fromEntries(inventory.queues.map(({ name, declared }) => [name, declared])),
    // Nothing works the queues sent to: `unworked`, which neither fails the run nor is a rule's, is left out.
    problems: inventory.problems
      .filter(({ kind }) => kind !== 'unworked')
      .map(({ kind, queue }) => `${kind} ${queue ?? ''}`.trim()),
    inventoryReports: inventoryReports(inventory),
    ruleReports: reports(directory, results),
  };
}

// An app that wraps the runtime under names of its own had every queue it declares through them reported
// undeclared, by `pg-boss-queues` and by pg-boss/no-undeclared-queue alike.
const RENAMED = {
  'src/boss.ts': BOSS,
  'src/queues/declare.ts': "export { ensureQueue as declareQueue } from 'pg-boss-safe-create-queue';\n",
  'src/queues/safe.ts':
    "import { safeCreateQueue } from 'pg-boss-safe-create-queue';\nexport const declare = safeCreateQueue;\n",
  'src/queues/ensure.ts': "import { ensureQueue } from 'pg-boss-safe-create-queue';\nexport default ensureQueue;\n",
  'src/queues/legacy.cjs': `const { ensureQueue, safeCreateQueues } = require('pg-boss-safe-create-queue');
module.exports = { declareLegacy: ensureQueue };
exports.declareAll = safeCreateQueues;
`,
  'src/queues/whole.cjs': "const rt = require('pg-boss-safe-create-queue');\nmodule.exports = rt.ensureQueue;\n",
  'src/queues/kit.ts':
    "import { ensureQueue } from 'pg-boss-safe-create-queue';\nexport const queueKit = { declareKit: ensureQueue };\n",
  // A package the scan does not read may be the runtime: the queue is undecided, not undeclared.
  'src/queues/vendor.ts': "export { ensureQueue as declareVendor } from '@acme/queue-kit';\n",
  'src/vendor.ts':
    "import { boss } from './boss';\nimport { declareVendor } from './queues/vendor';\nawait declareVendor(boss, 'vendor');\n",
  // A chain of the app's own modules: a renamed re-export of a renamed re-export, and a barrel.
  'src/queues/index.ts': "export { declareQueue as register } from './declare';\nexport * from './safe';\n",
  // None of these names a pg-boss method: they are read because they name what a module above exports.
  'src/emails.ts':
    "import { boss } from './boss';\nimport { declareQueue } from './queues/declare';\nawait declareQueue(boss, 'emails', { retryLimit: 2 });\n",
  'src/sms.ts':
    "import { boss } from './boss';\nimport { declare } from './queues/safe';\nawait declare(boss, 'sms');\n",
  'src/push.ts': "import { boss } from './boss';\nimport ensure from './queues/ensure';\nawait ensure(boss, 'push');\n",
  'src/legacy.cjs': `const { boss } = require('./boss');
const { declareLegacy, declareAll } = require('./queues/legacy.cjs');
const declareWhole = require('./queues/whole.cjs');
declareLegacy(boss, 'legacy');
declareAll(boss, { bulk: {} });
declareWhole(boss, 'whole');
`,
  'src/chained.ts': `import { boss } from './boss';
import * as queues from './queues';
await queues.register(boss, 'chained');
await queues.declare(boss, 'barrel');
`,
  'src/kit.ts':
    "import { boss } from './boss';\nimport { queueKit } from './queues/kit';\nawait queueKit.declareKit(boss, 'kit');\n",
  'src/uses.ts': usesOf([
    'emails',
    'sms',
    'push',
    'legacy',
    'bulk',
    'whole',
    'chained',
    'barrel',
    'kit',
    'vendor',
    'never',
  ]),
};

describe('a runtime helper the app exports under a name of its own', PROCESS_TIMEOUT, () => {
  it('declares its queues, in pg-boss-queues and in pg-boss/no-undeclared-queue alike', async () => {
    const judged = await judge(RENAMED);
    expect(judged.verdicts).toEqual({
      barrel: true,
      bulk: true,
      chained: true,
      emails: true,
      kit: true,
      legacy: true,
      never: false,
      push: true,
      sms: true,
      vendor: null,
      whole: true,
    });
    expect(judged.problems).toEqual(['undeclared never', 'unresolved-name']);
    expect(judged.code).toBe(1);
    expect(judged.ruleReports).toEqual(['src/uses.ts:12:7 pg-boss/no-undeclared-queue']);
    expect(judged.ruleReports).toEqual(judged.inventoryReports);
  });

  it('parses no module for it that cannot hold such an export or call', () => {
    const directory = temporary(
      writeTree({
        ...RENAMED,
        // Imports from the app's modules, and words alike, but names none of their helpers.
        'src/routes.ts':
          "import { router } from './http';\nimport { declared } from './flags';\nrouter.get('/', declared);\n",
        'src/http.ts': 'export const router = { get: (..._args: unknown[]) => {} };\n',
        'src/flags.ts': "export const declared = () => 'declareQueue is documented in README';\n",
      }),
    );
    const parsed: string[] = [];
    scanQueues([directory], readExtensions(DEFAULT_EXTENSIONS), {
      fileSource: {
        ...diskFileSource,
        parse(file, text) {
          parsed.push(path.relative(directory, file).split(path.sep).join('/'));
          return diskFileSource.parse(file, text);
        },
      },
    });
    // flags.ts names `declareQueue` in a string: it may import it, so it is read, once; routes.ts and http.ts are not.
    // boss.ts names no pg-boss method and exports no helper: the receiver `boss` is known by its name.
    expect(parsed.sort()).toEqual(
      [...Object.keys(RENAMED).filter((file) => file !== 'src/boss.ts'), 'src/flags.ts'].sort(),
    );
  });
});

describe('a runtime helper called on an object the scan cannot follow', PROCESS_TIMEOUT, () => {
  it('leaves its queue undecided, never undeclared, unless the object is the app’s own', async () => {
    const judged = await judge({
      'src/boss.ts': BOSS,
      'src/boot.ts': `import { boss } from './boss';
export function boot(rt: { ensureQueue: Function }) {
  return rt.ensureQueue(boss, 'param');
}
// Its name is read at each call of the function around it: only "wrapped" stays undecided, not every queue.
export function declareOne(rt: { ensureQueue: Function }, name: string) {
  return rt.ensureQueue(boss, name);
}
declareOne(runtime, 'wrapped');
export async function start(deps: Deps) {
  await deps.runtime.ensureQueue(deps.boss, 'injected');
  await deps.safeCreateQueue(boss, 'safe_injected');
}
`,
      // Objects the file shows are the app's own: their ensureQueue is read through its callers.
      'src/own.ts': `import { boss } from './boss';
const names = new Set<string>();
class Queues {
  ensureQueue(_boss: unknown, name: string) {
    names.add(name);
  }
  start() {
    this.ensureQueue(boss, 'own_this');
  }
}
new Queues().start();
const queues = new Queues();
queues.ensureQueue(boss, 'own_instance');
const local = { ensureQueue: (_boss: unknown, name: string) => names.add(name) };
local.ensureQueue(boss, 'own_literal');
`,
      // An app's own ensureQueue(boss, name), as public code writes it, called through its module.
      'src/queueSetup.ts': `import type { PgBoss } from 'pg-boss';
export const created = new Set<string>();
export async function ensureQueue(_boss: PgBoss, name: string) {
  created.add(name);
}
`,
      'src/setup.ts':
        "import { boss } from './boss';\nimport * as setup from './queueSetup';\nawait setup.ensureQueue(boss, 'own_module');\n",
      'src/uses.ts': usesOf([
        'param',
        'injected',
        'safe_injected',
        'own_this',
        'own_instance',
        'own_literal',
        'own_module',
        'wrapped',
        'never',
      ]),
    });
    expect(judged.verdicts).toEqual({
      injected: null,
      never: false,
      own_instance: false,
      own_literal: false,
      own_module: false,
      own_this: false,
      param: null,
      safe_injected: true,
      wrapped: null,
    });
    expect(judged.problems).toEqual([
      'undeclared never',
      'undeclared own_instance',
      'undeclared own_literal',
      'undeclared own_module',
      'undeclared own_this',
      'unresolved-name',
      'unresolved-name',
      'unresolved-name',
    ]);
    expect(judged.ruleReports).toEqual([
      'src/uses.ts:10:7 pg-boss/no-undeclared-queue',
      'src/uses.ts:5:7 pg-boss/no-undeclared-queue',
      'src/uses.ts:6:7 pg-boss/no-undeclared-queue',
      'src/uses.ts:7:7 pg-boss/no-undeclared-queue',
      'src/uses.ts:8:7 pg-boss/no-undeclared-queue',
    ]);
    expect(judged.ruleReports).toEqual(judged.inventoryReports);
  });
});

// Each of these holds a runtime helper at some point, yet the function called is the app's own: its queue
// was never declared, and must be reported so.
const LOOK_ALIKES = {
  'src/boss.ts': BOSS,
  // A helper's alias that is assigned another function before it is called.
  'src/queues/reassigned.ts': `import { ensureQueue } from 'pg-boss-safe-create-queue';
export let declareLater = ensureQueue;
declareLater = async (_boss: unknown, _name: string) => {};
`,
  'src/reassigned.ts': `import { boss } from './boss';
import { ensureQueue } from 'pg-boss-safe-create-queue';
import { declareLater } from './queues/reassigned';
let declareHere = ensureQueue;
declareHere = async (_boss: unknown, _name: string) => {};
await declareHere(boss, 'reassigned_local');
await declareLater(boss, 'reassigned_export');
`,
  // CommonJS exports written again: the last write is what `require` returns.
  'src/queues/rewritten.cjs': `const { ensureQueue } = require('pg-boss-safe-create-queue');
exports.declareOnce = ensureQueue;
exports.declareOnce = async (_boss, _name) => {};
`,
  'src/queues/rewrittenObject.cjs': `const { ensureQueue } = require('pg-boss-safe-create-queue');
module.exports = { declareMember: ensureQueue };
module.exports.declareMember = async (_boss, _name) => {};
`,
  'src/queues/rewrittenModule.cjs': `const { ensureQueue } = require('pg-boss-safe-create-queue');
module.exports = ensureQueue;
module.exports = async (_boss, _name) => {};
`,
  'src/rewritten.cjs': `const { boss } = require('./boss');
const { declareOnce } = require('./queues/rewritten.cjs');
const { declareMember } = require('./queues/rewrittenObject.cjs');
const declareModule = require('./queues/rewrittenModule.cjs');
declareOnce(boss, 'rewritten_export');
declareMember(boss, 'rewritten_member');
declareModule(boss, 'rewritten_module');
`,
  // A module's own export hides a helper of the same name that an `export *` brings.
  'src/queues/runtime.ts': "export { ensureQueue as declareQueue } from 'pg-boss-safe-create-queue';\n",
  'src/queues/own.ts': 'export async function declareQueue(_boss: unknown, _name: string) {}\n',
  'src/queues/shadowing.ts':
    "export * from './runtime';\nexport async function declareQueue(_boss: unknown, _name: string) {}\n",
  'src/queues/shadowingReexport.ts': "export * from './runtime';\nexport { declareQueue } from './own';\n",
  'src/shadowing.ts': `import { boss } from './boss';
import { declareQueue } from './queues/shadowing';
import * as reexported from './queues/shadowingReexport';
await declareQueue(boss, 'star_hidden');
await reexported.declareQueue(boss, 'star_hidden_reexport');
`,
  // An ES module's default import is its default export, not the module: its `declareKit` is the app's.
  'src/queues/kitWithDefault.ts': `import { ensureQueue } from 'pg-boss-safe-create-queue';
export const declareKit = ensureQueue;
export default { declareKit: async (_boss: unknown, _name: string) => {} };
`,
  'src/defaultKit.ts': `import { boss } from './boss';
import kit from './queues/kitWithDefault';
await kit.declareKit(boss, 'default_export');
`,
  // An exported object whose helper is replaced, or the object assigned to, after it is made.
  'src/queues/changedKit.ts': `import { ensureQueue } from 'pg-boss-safe-create-queue';
export const changedKit = { declareChanged: ensureQueue };
changedKit.declareChanged = async (_boss: unknown, _name: string) => {};
const assignedKit = { declareAssigned: ensureQueue };
Object.assign(assignedKit, { declareAssigned: async (_boss: unknown, _name: string) => {} });
export { assignedKit };
`,
  'src/changedKit.ts': `import { boss } from './boss';
import { assignedKit, changedKit } from './queues/changedKit';
await changedKit.declareChanged(boss, 'changed_member');
await assignedKit.declareAssigned(boss, 'assigned_member');
`,
  'src/uses.ts': usesOf([
    'changed_member',
    'assigned_member',
    'default_export',
    'star_hidden',
    'star_hidden_reexport',
    'reassigned_local',
    'reassigned_export',
    'rewritten_export',
    'rewritten_member',
    'rewritten_module',
  ]),
};

describe('an object of the app’s that a module of the tree exports', PROCESS_TIMEOUT, () => {
  it('has its ensureQueue read through its callers, as in its own file', async () => {
    const judged = await judge({
      'src/boss.ts': BOSS,
      'src/queueService.ts': `class QueueService {
  async ensureQueue(_boss: unknown, _name: string) {}
}
export const service = new QueueService();
const literal = { ensureQueue: async (_boss: unknown, _name: string) => {} };
export { literal };
`,
      'src/setup.ts': `import { boss } from './boss';
import { literal, service } from './queueService';
await service.ensureQueue(boss, 'imported_instance');
await literal.ensureQueue(boss, 'imported_literal');
`,
      'src/uses.ts': usesOf(['imported_instance', 'imported_literal']),
    });
    expect(judged.verdicts).toEqual({ imported_instance: false, imported_literal: false });
    expect(judged.ruleReports).toEqual([
      'src/uses.ts:2:7 pg-boss/no-undeclared-queue',
      'src/uses.ts:3:7 pg-boss/no-undeclared-queue',
    ]);
    expect(judged.ruleReports).toEqual(judged.inventoryReports);
  });
});

describe('a function that only looks like an exported runtime helper', PROCESS_TIMEOUT, () => {
  it('declares no queue, in pg-boss-queues and in pg-boss/no-undeclared-queue alike', async () => {
    const judged = await judge(LOOK_ALIKES);
    const queues = Object.keys(judged.verdicts);
    expect(judged.verdicts).toEqual(Object.fromEntries(queues.map((queue) => [queue, false])));
    expect(judged.ruleReports).toEqual(judged.inventoryReports);
    expect(judged.ruleReports).toHaveLength(queues.length);
  });
});

// Modules that re-export from one another, as barrels do (`export *` both ways, or named re-exports that go
// round): the first module read saw the others' exports before they held its own, and their queues were
// reported undeclared.
const CYCLES = {
  'src/boss.ts': BOSS,
  'src/star/a.ts': "export * from './b';\nexport { ensureQueue as declareStar } from 'pg-boss-safe-create-queue';\n",
  'src/star/b.ts': "export * from './a';\n",
  'src/star/own.ts': "export * from './ownB';\nexport { ensureQueue } from 'pg-boss-safe-create-queue';\n",
  'src/star/ownB.ts': "export * from './own';\n",
  'src/named/a.ts':
    "export { declareQueue as register } from './b';\nexport { ensureQueue as base } from 'pg-boss-safe-create-queue';\n",
  'src/named/b.ts': "export { base as declareQueue } from './a';\n",
  // Round and round with no module that holds it: where the name comes from is not known.
  'src/dead/a.ts': "export { ensureQueue } from './b';\n",
  'src/dead/b.ts': "export { ensureQueue } from './a';\n",
  // An app's own ensureQueue behind a cycle of barrels is still the app's, read through its callers.
  'src/app/a.ts': "export * from './b';\nexport async function ensureQueue(_boss: unknown, _name: string) {}\n",
  'src/app/b.ts': "export * from './a';\n",
  'src/calls.ts': `import { boss } from './boss';
import { declareStar as fromA } from './star/a';
import { declareStar as fromB } from './star/b';
import { ensureQueue } from './star/ownB';
import { register } from './named/a';
import { declareQueue } from './named/b';
import { ensureQueue as dead } from './dead/a';
import { ensureQueue as own } from './app/b';
await fromA(boss, 'star_a');
await fromB(boss, 'star_b');
await ensureQueue(boss, 'star_own_name');
await register(boss, 'named_round');
await declareQueue(boss, 'named_back');
await dead(boss, 'dead_cycle');
await own(boss, 'app_own');
`,
  'src/uses.ts': usesOf(['star_a', 'star_b', 'star_own_name', 'named_round', 'named_back', 'dead_cycle', 'app_own']),
};

describe('a runtime helper re-exported around a cycle of modules', PROCESS_TIMEOUT, () => {
  it('declares its queues; one whose name only goes round is undecided, never undeclared', async () => {
    const judged = await judge(CYCLES);
    expect(judged.verdicts).toEqual({
      app_own: false,
      dead_cycle: null,
      named_back: true,
      named_round: true,
      star_a: true,
      star_b: true,
      star_own_name: true,
    });
    expect(judged.problems).toEqual(['undeclared app_own', 'unresolved-name']);
    expect(judged.ruleReports).toEqual(['src/uses.ts:8:7 pg-boss/no-undeclared-queue']);
    expect(judged.ruleReports).toEqual(judged.inventoryReports);
  });
});

// The CLI parses every module of the chain: a loaded machine takes longer than for the small trees above.
describe('a chain of re-exports longer than any app writes', { timeout: 120_000 }, () => {
  it('is scanned to the end of the run, not to a stack overflow', () => {
    const length = 1500;
    const chain = Object.fromEntries(
      Array.from({ length }, (_, index) => [
        `src/chain/link${index}.ts`,
        index === 0
          ? "export { ensureQueue as declareDeep } from 'pg-boss-safe-create-queue';\n"
          : `export * from './link${index - 1}';\n`,
      ]),
    );
    const directory = temporary(
      writeTree({
        'src/boss.ts': BOSS,
        ...chain,
        'src/deep.ts': `import { boss } from './boss';\nimport { declareDeep } from './chain/link${length - 1}';\nawait declareDeep(boss, 'deep');\n`,
        'src/uses.ts': usesOf(['deep', 'never']),
      }),
    );
    const { code, stdout } = runQueues(directory, '--json', '.');
    expect(code).toBe(1);
    const inventory = JSON.parse(stdout) as QueueInventory;
    const verdicts = Object.fromEntries(inventory.queues.map(({ name, declared }) => [name, declared]));
    // Followed past the depth one read may go, in steps of it: the helper at the far end declares its queue.
    expect(verdicts).toEqual({ deep: true, never: false });
  });
});

// Barrels that re-export one another and an app's own `ensureQueue` imported through them at many places:
// each call walked the whole cycle again to learn that the name only goes round, and a tree of a thousand
// such barrels and a thousand calls took minutes to scan.
describe('a name that goes round a cycle of re-exports, called at many places', { timeout: 120_000 }, () => {
  it('walks the cycle once, not once per call', () => {
    const barrels = 200;
    const calls = 200;
    const directory = temporary(
      writeTree({
        'src/boss.ts': BOSS,
        ...Object.fromEntries(
          Array.from({ length: barrels }, (_, index) => [
            `src/ring/barrel${index}.ts`,
            `export * from './barrel${(index + 1) % barrels}';\n`,
          ]),
        ),
        // The app's own ensureQueue, reached from b only through a, which is still being walked from b.
        'src/app/a.ts': "export * from './b';\nexport * from './own';\n",
        'src/app/b.ts': "export * from './a';\n",
        'src/app/own.ts': 'export async function ensureQueue(_boss: unknown, _name: string) {}\n',
        'src/app/calls.ts': `import { boss } from '../boss';
import { ensureQueue as fromB } from './b';
import { ensureQueue as fromA } from './a';
await fromB(boss, 'own_b');
await fromA(boss, 'own_a');
await fromB(boss, 'own_b_again');
`,
        'src/app/uses.ts':
          "import { boss } from '../boss';\nawait boss.send('own_b', {});\nawait boss.send('own_a', {});\nawait boss.send('own_b_again', {});\n",
        ...Object.fromEntries(
          Array.from({ length: calls }, (_, index) => [
            `src/calls/call${index}.ts`,
            `import { boss } from '../boss';\nimport { ensureQueue } from '../ring/barrel${index % barrels}';\nawait ensureQueue(boss, 'round${index}');\nawait boss.send('round${index}', {});\n`,
          ]),
        ),
      }),
    );
    const lookUps = vi.spyOn(ProjectModules.prototype, 'source');
    const { inventory } = scanQueues([directory], readExtensions(DEFAULT_EXTENSIONS));
    const verdicts = Object.fromEntries(inventory.queues.map(({ name, declared }) => [name, declared]));
    expect(verdicts).toMatchObject({ own_a: false, own_b: false, own_b_again: false, round0: null, round199: null });
    expect(new Set(Object.values(verdicts))).toEqual(new Set([false, null]));
    // A look-up per barrel and a few per call, as for any import: not one per barrel per call.
    expect(lookUps.mock.calls.length).toBeLessThan(10 * (barrels + calls));
    lookUps.mockRestore();
  });
});

// Two rings of barrels that re-export one another, and from each other at every step, each exporting a
// helper under a name of its own: every new name went round the rings alone, re-reading each barrel it
// passed, and the reads grew with the square of the names (this tree: 15,525 look-ups, now 7,200).
describe('helpers exported under many names inside interlocking cycles of re-exports', { timeout: 120_000 }, () => {
  it('reads each barrel a few times, not once per name', () => {
    const perRing = 400;
    const barrel = (ring: 'a' | 'b', index: number) => {
      const other = ring === 'a' ? 'b' : 'a';
      return `export * from './${ring}${(index + 1) % perRing}';\nexport * from './${other}${index}';\nexport { ensureQueue as declare_${ring}${index} } from 'pg-boss-safe-create-queue';\n`;
    };
    const directory = temporary(
      writeTree({
        'src/boss.ts': BOSS,
        ...Object.fromEntries(
          (['a', 'b'] as const).flatMap((ring) =>
            Array.from({ length: perRing }, (_, index) => [`src/rings/${ring}${index}.ts`, barrel(ring, index)]),
          ),
        ),
        // Each name reaches the far side of the other ring.
        'src/calls.ts': `import { boss } from './boss';
import { declare_a0, declare_b${perRing - 1} } from './rings/a${perRing - 1}';
await declare_a0(boss, 'first');
await declare_b${perRing - 1}(boss, 'last');
`,
        'src/uses.ts': usesOf(['first', 'last', 'never']),
      }),
    );
    const lookUps = vi.spyOn(ProjectModules.prototype, 'source');
    const { inventory } = scanQueues([directory], readExtensions(DEFAULT_EXTENSIONS));
    const verdicts = Object.fromEntries(inventory.queues.map(({ name, declared }) => [name, declared]));
    expect(verdicts).toEqual({ first: true, last: true, never: false });
    expect(lookUps.mock.calls.length).toBeLessThan(10 * 2 * perRing);
    lookUps.mockRestore();
  });
});

describe(
  'a helper whose name travels a long chain of modules that re-export both neighbours',
  { timeout: 120_000 },
  () => {
    it('orders the modules once, not once per module the name has reached', () => {
      const modules = 300;
      const barrel = (index: number) =>
        [
          index > 0 ? `export * from './m${index - 1}';\n` : '',
          index < modules - 1 ? `export * from './m${index + 1}';\n` : '',
          index === 0 ? "export { ensureQueue as declareQueue } from 'pg-boss-safe-create-queue';\n" : '',
        ].join('');
      const directory = temporary(
        writeTree({
          'src/boss.ts': BOSS,
          ...Object.fromEntries(
            Array.from({ length: modules }, (_, index) => [`src/chain/m${index}.ts`, barrel(index)]),
          ),
          'src/calls.ts': `import { boss } from './boss';\nimport { declareQueue } from './chain/m${modules - 1}';\nawait declareQueue(boss, 'far');\n`,
          'src/uses.ts': usesOf(['far']),
        }),
      );
      vi.mocked(dependenciesFirst).mockClear();
      const { inventory } = scanQueues([directory], readExtensions(DEFAULT_EXTENSIONS));
      expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([['far', true]]);
      // Ordered anew for each pass, the name's walk down the chain placed 71,100 modules here.
      const placed = vi.mocked(dependenciesFirst).mock.results.reduce((sum, { value }) => sum + value.size, 0);
      expect(placed).toBeLessThan(2 * modules);
    });
  },
);
