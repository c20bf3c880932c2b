import { describe, expect, it } from 'vitest';
import type { InventoryQueue, QueueInventory } from '../../src/inventory/queueInventory';
import { removeAfterEach, runQueues, writeTree } from '../support/queuesMonorepo';

// Every case starts the real CLI (one Node process each), which a loaded machine can take seconds to do.
const PROCESS_TIMEOUT = { timeout: 30_000 };

const temporary = removeAfterEach();

function scan(files: Record<string, string>, ...options: string[]) {
  const directory = temporary(writeTree(files));
  const { code, stdout, stderr } = runQueues(directory, '--json', ...options, '.');
  return { code, inventory: JSON.parse(stdout) as QueueInventory, stderr };
}

const boss = "import { PgBoss } from 'pg-boss';\nexport const boss = new PgBoss('postgres://localhost/app');\n";

/** name → [declared, where it is declared, where used]: the verdict with the places that make it. */
function verdicts(inventory: QueueInventory) {
  const at = (locations: InventoryQueue['uses'] | InventoryQueue['declarations']) =>
    locations.map(({ file, line }) => `${file}:${line}`);
  return Object.fromEntries(
    inventory.queues.map((queue) => [queue.name, [queue.declared, at(queue.declarations), at(queue.uses)]]),
  );
}

const problemsOf = (inventory: QueueInventory) => inventory.problems.map(({ kind, queue }) => [kind, queue]);

describe('pg-boss-queues follows a wrapper’s parameter to its callers', PROCESS_TIMEOUT, () => {
  // The shapes of Nickbohm555/deep-architecture src/server/boss.ts (an exported `createQueue(queueName)`),
  // a service class's `this.createQueue(name)`, arrow-const `sendJob` helpers, and a worker registry
  // destructuring `{ name, handler }`.
  it('reads the names every caller passes, in every file, at the caller', () => {
    const { code, inventory } = scan({
      'lib/boss.ts': `${boss}export async function ensureQueue(name: string, options = {}) {\n  await boss.createQueue(name, options);\n}\nexport async function setup(name: string) {\n  await ensureQueue(name);\n}\n`,
      'lib/send.ts': `import { boss } from './boss';\nexport const sendJob = async (queue: string, data: object, priority = 0) => boss.send(queue, data, { priority });\nexport function register({ name, handler }: { name: string; handler: () => void }) {\n  boss.work(name, handler);\n}\n`,
      'lib/service.ts': `import type { PgBoss } from 'pg-boss';\nexport class QueueService {\n  constructor(private readonly boss: PgBoss) {}\n  async createQueue(queueName: string) {\n    await this.boss.createQueue(queueName);\n  }\n  async init() {\n    await this.createQueue('reports');\n  }\n}\n`,
      'app.ts': `import { ensureQueue, setup } from './lib/boss';\nimport { sendJob, register } from './lib/send';\nimport { QueueService } from './lib/service';\nconst QUEUES = { SMS: 'sms' } as const;\nawait ensureQueue('emails', { retryLimit: 2 });\nawait ensureQueue(QUEUES.SMS);\nawait setup('nested');\nconst queueService = new QueueService(boss);\nawait queueService.createQueue('digest');\nawait sendJob('emails', {});\nregister({ name: 'sms', handler: () => {} });\nregister({ name: 'reports', handler: () => {} });\nregister({ name: 'digest', handler: () => {} });\nregister({ name: 'nested', handler: () => {} });\n`,
    });
    expect(verdicts(inventory)).toEqual({
      digest: [true, ['app.ts:9'], ['app.ts:13']],
      emails: [true, ['app.ts:5'], ['app.ts:10']],
      nested: [true, ['app.ts:7'], ['app.ts:14']],
      reports: [true, ['lib/service.ts:8'], ['app.ts:12']],
      sms: [true, ['app.ts:6'], ['app.ts:11']],
    });
    // The options a caller passes, and the default parameter when it passes none.
    expect(inventory.queues.find((queue) => queue.name === 'emails')!.declarations[0]!.options).toEqual({
      retryLimit: 2,
    });
    expect(inventory.queues.find((queue) => queue.name === 'sms')!.declarations[0]!.options).toEqual({});
    // Sent through sendJob, worked by nobody: a warning, which does not fail the run.
    expect(problemsOf(inventory)).toEqual([['unworked', 'emails']]);
    expect(code).toBe(0);
  });

  it('leaves unknown only the caller that passes an unknown name, narrowed to what its template fixes', () => {
    const { code, inventory } = scan({
      'boss.ts': `${boss}export async function ensureQueue(name: string) {\n  await boss.createQueue(name);\n}\n`,
      'app.ts': `import { boss, ensureQueue } from './boss';\nawait ensureQueue('emails');\nawait ensureQueue(\`probe_\${process.env.PROVIDER}\`);\nawait boss.send('emails', {});\nawait boss.send('probe_openai', {});\nawait boss.send('orders', {});\nboss.work('emails', handle);\nboss.work('probe_openai', handle);\nboss.work('orders', handle);\n`,
    });
    expect(inventory.queues.map(({ name, declared, maybeDeclaredBy }) => [name, declared, maybeDeclaredBy])).toEqual([
      ['emails', true, []],
      ['orders', false, []],
      ['probe_openai', null, [{ file: 'app.ts', line: 3, column: 7 }]],
    ]);
    expect(problemsOf(inventory)).toEqual([
      ['undeclared', 'orders'],
      ['unresolved-name', null],
    ]);
    expect(inventory.problems[1]!.message).toContain('It may declare a queue named "probe_*"');
    expect(code).toBe(1);
  });

  it('narrows a parameter nobody in the tree passes to the literal union its type allows', () => {
    const { inventory } = scan({
      'boss.ts': `${boss}type QueueName = 'emails' | 'sms';\nexport async function declareQueue(name: QueueName) {\n  await boss.createQueue(name);\n}\nawait boss.send('emails', {});\nawait boss.send('orders', {});\nboss.work('emails', handle);\nboss.work('orders', handle);\n`,
    });
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([
      ['emails', null],
      ['orders', false],
    ]);
    expect(problemsOf(inventory)).toEqual([
      ['undeclared', 'orders'],
      ['unresolved-name', null],
    ]);
  });

  // sneg55/warpdrive src/jobs/boss.ts names its wrapper `enqueueBatchJob` in a comment: the wrapper's callers
  // counted as incomplete, and every queue declared nowhere else became one it may declare, never reported.
  it('reads a wrapper’s callers whole when other files name it only in comments or as bindings of their own', () => {
    const wrapper = `${boss}export async function enqueueJob(queue: string, data: object) {\n  await boss.createQueue(queue);\n  await boss.send(queue, data);\n}\n`;
    const files = {
      'boss.ts': wrapper,
      'producer.ts': `import { boss, enqueueJob } from './boss';\nawait enqueueJob('emails', {});\nawait boss.send('invoices', { id: 1 });\nboss.work('emails', handle);\nboss.work('invoices', handle);\n`,
      'notes.ts': `// enqueueJob creates the queue before sending.\nexport const NOTE = 1;\n`,
      'labels.ts': `import { boss } from './boss';\n/** Stops what {@link enqueueJob} started. */\nexport const stop = () => boss.stop();\n`,
      'other/queue.ts': `import type { PgBoss } from 'pg-boss';\nexport async function enqueueJob(boss: PgBoss, queue: string) {\n  await boss.send(queue, {});\n}\n`,
      'other/routes.ts': `import { enqueueJob } from './queue';\nimport { boss } from '../boss';\nawait enqueueJob(boss, 'emails');\n`,
      'other/local.ts': `type enqueueJob = string;\nconst enqueueJob = (): enqueueJob => 'local';\nexport const value = enqueueJob();\n`,
    };
    const { inventory } = scan(files);
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([
      ['emails', true],
      ['invoices', false],
    ]);
    expect(problemsOf(inventory)).toEqual([['undeclared', 'invoices']]);
    // Any other mention may reach it in a way the scan does not follow, and still makes the callers
    // incomplete: an alias nothing resolves, `import()`, a test runner's `requireActual`, a global (a
    // framework's auto-import), a module object handed on or to a function, a lookup by a string, an import
    // of a name the module lacks (a test's mock may put the wrapper there), a binding of its own filled from
    // a pattern, a module loaded in a way not read or a caller (a parameter), a function's `.name` as a key,
    // a declaration file standing for the code, a JSX pragma naming it; and a file that never names it but
    // hands its module on.
    const late = 'await enqueueJob(process.env.Q!, {});\n';
    const reaching: Record<string, string>[] = [
      { 'late.ts': `import { enqueueJob } from '@app/boss';\n${late}` },
      { 'late.ts': `const jobs = await import(process.env.JOBS!);\nawait jobs.${late.slice(6)}` },
      { 'late.ts': `const { enqueueJob } = jest.requireActual('./boss');\n${late}` },
      { 'server/late.ts': late },
      {
        'jobs.ts': `import * as all from './boss';\nexport const jobs = all;\n`,
        'late.ts': `import { jobs } from './jobs';\nconst { enqueueJob } = jobs;\n${late}`,
      },
      {
        'wire.ts': `import * as all from './boss';\nimport { register } from './late';\nawait register(all);\n`,
        'late.ts': `export async function register(jobs: any) {\n  await jobs.${late.slice(6)}}\n`,
      },
      {
        'keys.ts': `export const WRAPPER = 'enqueueJob';\n`,
        'late.ts': `import * as all from './boss';\nimport { WRAPPER } from './keys';\nawait (all as any)[WRAPPER](process.env.Q!, {});\n`,
      },
      { 'other/none.ts': 'export const x = 1;\n', 'late.ts': `import { enqueueJob } from './other/none';\n${late}` },
      { 'late.ts': `let enqueueJob: any;\n({ enqueueJob } = await import('./boss'));\n${late}` },
      { 'late.ts': `try {\n  throw await import('./boss');\n} catch ({ enqueueJob }: any) {\n  ${late}}\n` },
      { 'late.ts': `const enqueueJob = (await import('./boss'))['enqueue' + 'Job'];\n${late}` },
      { 'late.ts': `const key = 'x';\nconst { [key]: enqueueJob } = await import('./boss');\n${late}` },
      {
        'wire.ts': `import * as all from './boss';\nimport { run } from './late';\nawait run(Object.values(all)[1] as any);\n`,
        'late.ts': `export async function run(enqueueJob: any) {\n  ${late}}\n`,
      },
      {
        'jobs.ts': `import * as all from './boss';\nexport const jobs: any = all;\n`,
        'late.ts': `import { jobs } from './jobs';\nfunction enqueueJob() {}\nawait jobs[enqueueJob.name](process.env.Q!, {});\n`,
      },
      {
        'jobs.ts': `import * as all from './boss';\nexport const jobs: any = all;\n`,
        'late.ts': `import { jobs } from './jobs';\nfunction enqueueJob() {}\nconst { name } = enqueueJob;\nawait jobs[name](process.env.Q!, {});\n`,
      },
      {
        'hub.ts': `import * as jobs from './boss';\nexport const all: any = jobs;\n`,
        'late.ts': `import { all } from './hub';\n// Calls enqueueJob.\nawait all[process.env.FN!](process.env.Q!, {});\n`,
      },
      { 'late.ts': `import * as jobs from './boss';\nawait (Object.values(jobs)[1] as any)(process.env.Q!, {});\n` },
      {
        'late.tsx': `/** @jsx enqueueJob */\nimport { enqueueJob } from './boss';\nexport const element = <emails />;\n`,
      },
      {
        'hub.ts': `export * as all from './boss';\n`,
        'late.ts': `import { all } from './hub';\n// Calls enqueueJob.\nawait (all as any)[process.env.FN!](process.env.Q!, {});\n`,
      },
      {
        'types/boss.d.ts': `export declare function enqueueJob(queue: string, data: object): Promise<void>;\n`,
        'tsconfig.json': `{ "compilerOptions": { "paths": { "@jobs": ["./types/boss.d.ts"] } } }\n`,
        'late.ts': `import { enqueueJob } from '@jobs';\n${late}`,
      },
    ];
    for (const reach of reaching) {
      const reached = scan({ ...files, ...reach }).inventory;
      expect(
        reached.queues.map(({ name, declared }) => [name, declared]),
        Object.values(reach).join(''),
      ).toEqual([
        ['emails', true],
        ['invoices', null],
      ]);
    }
  });

  it('reads the callers of a wrapper whose name holds `$`, and gives up on a default export loaded by `import()`', () => {
    const app = `import { boss } from './boss';\nawait boss.send('emails', {});\nboss.work('emails', handle);\nboss.work('audit', handle);\n`;
    const declared = (files: Record<string, string>) =>
      scan({ ...files, 'app.ts': app }).inventory.queues.find((queue) => queue.name === 'emails')?.declared;
    expect(
      declared({
        'boss.ts': `${boss}export async function ensure$(name: string) {\n  await boss.createQueue(name);\n}\nawait ensure$('audit');\n`,
        'setup.ts': `import { ensure$ } from './boss';\nawait ensure$('emails');\n`,
      }),
    ).toBe(true);
    expect(
      declared({
        'boss.ts': `${boss}export default async function ensure(name: string) {\n  await boss.createQueue(name);\n}\nawait ensure('audit');\n`,
        'setup.ts': `await import('./boss').then((m) => m.default('emails'));\n`,
      }),
    ).toBe(null);
  });

  it('follows a wrapper that a module exports again under another name', () => {
    const { inventory } = scan({
      'boss.ts': `${boss}export async function enqueueJob(queue: string) {\n  await boss.createQueue(queue);\n}\n`,
      'barrel.ts': `import { enqueueJob } from './boss';\nexport { enqueueJob as run };\n`,
      'direct.ts': `import { enqueueJob } from './boss';\nawait enqueueJob('audit');\n`,
      'app.ts': `import { run } from './barrel';\nimport { boss } from './boss';\nawait run('emails');\nawait boss.send('emails', {});\nboss.work('emails', handle);\n`,
      'reexport.ts': `export { enqueueJob as queueUp } from './boss';\n`,
      'later.ts': `import { queueUp } from './reexport';\nimport { boss } from './boss';\nawait queueUp('digest');\nawait boss.send('digest', {});\nboss.work('digest', handle);\n`,
    });
    expect(verdicts(inventory)).toEqual({
      audit: [true, ['direct.ts:2'], []],
      digest: [true, ['later.ts:3'], ['later.ts:4', 'later.ts:5']],
      emails: [true, ['app.ts:3'], ['app.ts:4', 'app.ts:5']],
    });
  });

  // Followed along every path, eight such modules took six minutes.
  it('follows a wrapper through modules that all `export *` one another', () => {
    const barrels = Array.from({ length: 8 }, (_, index) => index);
    const { inventory } = scan({
      'boss.ts': `${boss}export async function ensureQueue(name: string) {\n  await boss.createQueue(name);\n}\n`,
      ...Object.fromEntries(
        barrels.map((index) => [
          `m${index}.ts`,
          barrels
            .filter((other) => other !== index)
            .map((other) => `export * from './m${other}';\n`)
            .join('')
            .concat(index === 0 ? "export * from './boss';\n" : ''),
        ]),
      ),
      // `boss` is not the wrapper: whether it is, is looked for along every path.
      'use.ts': `import { ensureQueue, boss } from './m7';\nawait ensureQueue('emails');\nawait boss.start();\n`,
      'app.ts': `import { boss } from './boss';\nawait boss.send('emails', {});\nboss.work('emails', handle);\n`,
    });
    expect(verdicts(inventory)).toEqual({ emails: [true, ['use.ts:2'], ['app.ts:2', 'app.ts:3']] });
  });

  it('keeps a wrapper’s names unknown when it is also passed around as a value', () => {
    const { inventory } = scan({
      'boss.ts': `${boss}export async function ensureQueue(name: string) {\n  await boss.createQueue(name);\n}\nexport const steps = [ensureQueue];\n`,
      'app.ts': `import { boss, ensureQueue } from './boss';\nawait ensureQueue('emails');\nawait boss.send('orders', {});\n`,
    });
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([
      ['emails', true],
      ['orders', null],
    ]);
    expect(inventory.queues[1]!.maybeDeclaredBy).toEqual([{ file: 'boss.ts', line: 4, column: 9 }]);
  });
});

describe('pg-boss-queues reads more constants', PROCESS_TIMEOUT, () => {
  // chrislawcodes/valuerank: a registry whose elements hold the handler beside the name.
  it('reads the names of a constant list whose elements also hold functions, and static class fields', () => {
    const { inventory } = scan({
      'app.ts': `${boss}const registrations = [\n  { name: 'summarize', register: () => 1 },\n  { name: 'score', register() { return 2; } },\n];\nfor (const registration of registrations) {\n  await boss.createQueue(registration.name);\n  await boss.work(registration.name, handle);\n}\nclass DigestJob {\n  static queueName = 'digest';\n  static run() {}\n}\nawait boss.createQueue(DigestJob.queueName);\nawait boss.send(DigestJob.queueName, {});\nboss.work(DigestJob.queueName, handle);\n`,
    });
    expect(verdicts(inventory)).toEqual({
      digest: [true, ['app.ts:15'], ['app.ts:16', 'app.ts:17']],
      score: [true, ['app.ts:8'], ['app.ts:9']],
      summarize: [true, ['app.ts:8'], ['app.ts:9']],
    });
    expect(inventory.problems).toEqual([]);
  });

  // autoworx-engr/autoworx-platform src/instrumentation-node.ts loads its queue names with `await import(…)`.
  it('reads names a module loaded with `await import(…)` exports', () => {
    const { inventory } = scan({
      'names.ts': `export const QUEUE_STRIPE = 'stripe-payment' as const;\nexport const QUEUE_BILLING = 'billing';\n`,
      'app.ts': `${boss}const { QUEUE_STRIPE } = await import('./names');\nconst names = await import('./names');\nawait boss.createQueue(QUEUE_STRIPE);\nawait boss.createQueue(names.QUEUE_BILLING);\nboss.work(QUEUE_STRIPE, handle);\nboss.work(names.QUEUE_BILLING, handle);\nawait boss.send('billing', {});\n`,
    });
    expect(verdicts(inventory)).toEqual({
      billing: [true, ['app.ts:6'], ['app.ts:8', 'app.ts:9']],
      'stripe-payment': [true, ['app.ts:5'], ['app.ts:7']],
    });
    expect(inventory.problems).toEqual([]);
  });

  it('lists a use a loop repeats at one place once', () => {
    const { inventory } = scan({
      'app.ts': `${boss}await boss.createQueue('emails');\nboss.work('emails', handle);\nfor (const user of ['a', 'b', 'c']) await boss.send('emails', { user });\n`,
    });
    expect(verdicts(inventory)).toEqual({ emails: [true, ['app.ts:3'], ['app.ts:4', 'app.ts:5']] });
  });
});

describe('pg-boss-queues keeps test code apart', PROCESS_TIMEOUT, () => {
  const files = {
    'src/queues.ts': `${boss}await boss.createQueue('emails', { retryLimit: 2 });\nboss.work('emails', handle);\nawait boss.send('invoices', {});\nboss.work('invoices', handle);\n`,
    'test/queues.test.ts': `import { boss } from '../src/queues';\nawait boss.createQueue('emails', { retryLimit: 0 });\nawait boss.createQueue('invoices');\nawait boss.createQueue('scratch');\nawait boss.send('scratch', {});\nboss.work('scratch', handle);\n`,
  };

  it('lets no test declaration satisfy or conflict with production, and marks test locations', () => {
    const { code, inventory } = scan(files);
    expect(problemsOf(inventory)).toEqual([['undeclared', 'invoices']]);
    expect(code).toBe(1);
    const scratch = inventory.queues.find((queue) => queue.name === 'scratch')!;
    // A queue only test code uses is judged with test code's own declarations.
    expect(scratch.declared).toBe(true);
    expect(scratch.declarations).toEqual([
      { file: 'test/queues.test.ts', line: 4, column: 7, test: true, options: {} },
    ]);
    expect(inventory.queues.find((queue) => queue.name === 'invoices')!.declared).toBe(false);
  });

  it('judges test code like production with --include-tests', () => {
    const { inventory } = scan(files, '--include-tests');
    expect(problemsOf(inventory)).toEqual([['conflicting-options', 'emails']]);
    expect(inventory.queues.find((queue) => queue.name === 'invoices')!.declared).toBe(true);
  });
});

describe('pg-boss-queues warns of a queue sent to but never worked', PROCESS_TIMEOUT, () => {
  it('reports unworked, without failing the run, unless the queue is a dead letter or may be worked', () => {
    const { code, inventory, stderr } = scan({
      'app.ts': `${boss}await boss.createQueue('outbox');\nawait boss.createQueue('jobs', { deadLetter: 'jobs_dlq' });\nawait boss.createQueue('jobs_dlq');\nawait boss.createQueue('dynamic');\nawait boss.send('outbox', {});\nawait boss.send('jobs', {});\nawait boss.send('jobs_dlq', {});\nawait boss.send('dynamic', {});\nboss.work('jobs', handle);\nfor (const name of process.env.WORKED!.split(',')) boss.work(\`dyn\${name}\`, handle);\n`,
    });
    expect(problemsOf(inventory)).toEqual([
      ['unresolved-name', null],
      ['unworked', 'outbox'],
    ]);
    expect(inventory.problems[1]!.message).toContain('unless another service works them');
    expect(code).toBe(0);
    expect(stderr).toMatch(/1 unworked\n$/);
  });
});

// Found by trying to break the inventory on unlabelled code (sigle/sigle apps/server/src/lib/jobs.ts and
// small inputs): each made a declared queue undeclared.
describe('pg-boss-queues never calls undeclared what it could not read', PROCESS_TIMEOUT, () => {
  it('does not trust a list a class fills in, nor a field a subclass or Object.assign can change', () => {
    const { inventory } = scan({
      'jobs.ts': `${boss}export class Jobs {\n  private jobs: Array<{ name: string }> = [];\n  register(job: { name: string }) {\n    this.jobs.push(job);\n  }\n  async start() {\n    for (const job of this.jobs) await boss.createQueue(job.name);\n  }\n}\n`,
      'base.ts': `${boss}export class BaseJob {\n  queueName = 'base';\n  async declare() {\n    await boss.createQueue(this.queueName);\n  }\n}\nexport class EmailJob extends BaseJob {\n  queueName = 'emails';\n}\n`,
      'app.ts': `import { boss } from './jobs';\nawait boss.send('indexer', {});\nawait boss.send('emails', {});\nboss.work('indexer', handle);\nboss.work('emails', handle);\n`,
    });
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([
      ['emails', null],
      ['indexer', null],
    ]);
    expect(problemsOf(inventory).filter(([kind]) => kind !== 'unresolved-name')).toEqual([]);
  });

  it('follows a wrapper called through a namespace import, and gives up on one imported dynamically', () => {
    const { inventory } = scan({
      'queues.ts': `${boss}export async function ensureQueue(name: string) {\n  await boss.createQueue(name);\n}\n`,
      'init.ts': `import * as queues from './queues';\nimport { ensureQueue } from './queues';\nawait ensureQueue('audit');\nawait queues.ensureQueue('emails');\n`,
      'app.ts': `import { boss } from './queues';\nfor (const name of ['audit', 'emails', 'late']) {\n  await boss.send(name, {});\n  boss.work(name, handle);\n}\n`,
      'late.ts': `const { ensureQueue } = await import('./queues');\nawait ensureQueue(process.env.LATE!);\n`,
    });
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).toEqual([
      ['audit', true],
      ['emails', true],
      ['late', null],
    ]);
  });

  it('leaves unknown, never drops, the names of wrappers called in more ways than it enumerates', () => {
    const level = (name: string, callee: string) =>
      `export async function ${name}(n: string) {\n${Array.from({ length: 9 }, () => `  await ${callee}(n);`).join('\n')}\n}\n`;
    const { inventory } = scan({
      'chain.ts': `${boss}export async function w0(n: string) {\n  await boss.createQueue(n);\n}\n${level('w1', 'w0')}${level('w2', 'w1')}${level('w3', 'w2')}await w3('q0');\nawait boss.send('q0', {});\nboss.work('q0', handle);\n`,
    });
    expect(inventory.queues.map(({ name, declared }) => [name, declared])).not.toContainEqual(['q0', false]);
  });

  it('counts a createQueue on a receiver the syntax cannot place as a possible declaration of its queue', () => {
    const { inventory } = scan({
      'q.ts':
        "import { PgBoss } from 'pg-boss';\nexport async function getQueue(): Promise<PgBoss> {\n  return new PgBoss('postgres://localhost/app');\n}\n",
      'setup.ts':
        "import { getQueue } from './q';\nconst queue = await getQueue();\nawait queue.createQueue('emails');\n",
      'app.ts': `${boss}await boss.send('emails', {});\nawait boss.send('orders', {});\nboss.work('emails', handle);\nboss.work('orders', handle);\n`,
    });
    expect(inventory.queues.map(({ name, declared, maybeDeclaredBy }) => [name, declared, maybeDeclaredBy])).toEqual([
      ['emails', null, [{ file: 'setup.ts', line: 3, column: 7 }]],
      ['orders', false, []],
    ]);
    expect(inventory.problems.find((problem) => problem.kind === 'unresolved-name')!.message).toContain(
      'createQueue is called on `queue`, which may be a pg-boss instance',
    );
  });

  it('compares options as pg-boss creates the queue: name in the options and the default policy agree', () => {
    const { inventory } = scan({
      'a.ts': `${boss}await boss.createQueue('q', { name: 'q', retryLimit: 1 });\nawait boss.createQueue('r');\nboss.work('q', handle);\nboss.work('r', handle);\n`,
      'b.ts': `${boss}await boss.createQueue('q', { retryLimit: 1 });\nawait boss.createQueue('r', { policy: 'standard' });\n`,
    });
    expect(inventory.problems).toEqual([]);
  });
});
