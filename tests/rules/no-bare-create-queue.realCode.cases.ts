// Cases from the rule on real application code (issue 9): receivers reached through the app's own
// modules and compiled output, guards read branch by branch, and the messages. Kept apart from the
// main table so that each block can grow without touching the other.
import { dedent, locate } from '../support/dedent';
import { bare, IMPORT, type InvalidCase, type ValidCase } from './no-bare-create-queue.cases';

const SETTINGS = { 'pg-boss': { modules: ['@acme/jobs'] } };

/** A module whose pg-boss instance is `boss`, with `body` after it. */
function app(body: string): string {
  return `import { PgBoss } from 'pg-boss';\n\nconst boss = new PgBoss('postgres://localhost/app');\n\n${body}`;
}

function appFixed(body: string): string {
  return `import { PgBoss } from 'pg-boss';\n${IMPORT}\n\nconst boss = new PgBoss('postgres://localhost/app');\n\n${body}`;
}

/** `app` around a try whose catch is `handler`, and the same rewritten. */
function tryCatch(handler: string): [string, string] {
  const body = (call: string) => `try {\n  await ${call};\n} catch (error: any) {\n${handler}\n}\n`;
  return [app(body(`boss.createQueue('emails')`)), appFixed(body(`safeCreateQueue(boss, 'emails')`))];
}

export const valid: ValidCase[] = [
  // Issue 9.5: an existence check through a Set built from getQueues() is a real guard.
  app(dedent`
    export async function declare(name: string) {
      const existing = new Set((await boss.getQueues()).map((q) => q.name));
      if (!existing.has(name)) await boss.createQueue(name);
    }
  `),
  // The same through a Map keyed by name.
  app(dedent`
    const byName = new Map((await boss.getQueues()).map((queue) => [queue.name, queue]));
    if (!byName.has('emails')) await boss.createQueue('emails');
  `),
  // Issue 9.5: a parameter with an inline object type is a look-alike, whatever it is called.
  dedent`
    export async function declare(boss: { createQueue(n: string): Promise<void> }) {
      await boss.createQueue('emails');
    }
  `,
  // Issue 9.5: an object literal is the app's own.
  dedent`
    const bossLike = { createQueue: async (_name: string) => {} };
    await bossLike.createQueue('emails');
  `,
  // A class imported under a name with nothing of pg-boss in it is someone else's (an SQS client named boss).
  dedent`
    import { SQSClient } from '@aws-sdk/client-sqs';
    export async function declare(boss: SQSClient) {
      await boss.createQueue({ QueueName: 'emails' });
    }
  `,
  // An interface of this file is the app's own.
  dedent`
    interface QueueAdmin {
      createQueue(name: string): Promise<void>;
    }
    export async function declare(boss: QueueAdmin) {
      await boss.createQueue('emails');
    }
  `,
  // Guards read branch by branch: the duplicate goes, everything else is rethrown.
  tryCatch(`  if (error.code === '23505' || /already exists/.test(error.message)) return;\n  throw error;`)[0],
  tryCatch(`  const isDuplicate = error.code === '23505';\n  if (!isDuplicate) throw error;`)[0],
  tryCatch(
    `  if (error instanceof Error && (error as any).code === '23505') {\n    console.info('exists');\n  } else {\n    throw error;\n  }`,
  )[0],
  tryCatch(
    `  if (error.message.indexOf('already exists') === -1) throw new Error('setup failed', { cause: error });`,
  )[0],
  app(
    `await boss.createQueue('emails').catch((error) => (error.code === '23505' ? undefined : Promise.reject(error)));\n`,
  ),
  // Without the setting, a default import named without boss from an unknown module is taken as something else.
  {
    mode: 'untyped',
    code: `import Jobs from '@acme/jobs';\n\nconst queues = new Jobs('postgres://localhost/app');\nawait queues.createQueue('emails');\n`,
  },
];

const [rethrowsOnlyDuplicate, rethrowsOnlyDuplicateFixed] = tryCatch(`  if (error.code === '23505') throw error;`);
const [logsEither, logsEitherFixed] = tryCatch(
  `  if (error.code === '23505') console.info('exists');\n  else console.error(error);`,
);
const [floatsRejection, floatsRejectionFixed] = tryCatch(`  if (error.code !== '23505') Promise.reject(error);`);
const [duplicateFallsToThrow, duplicateFallsToThrowFixed] = tryCatch(
  `  switch (error.code) {\n    case '23505':\n      console.info('exists');\n    default:\n      throw error;\n  }`,
);

/** A CommonJS file as TypeScript compiles `import PgBoss from 'pg-boss'` (esModuleInterop). */
const compiledTs = dedent`
  "use strict";
  var __importDefault = (this && this.__importDefault) || function (mod) {
      return (mod && mod.__esModule) ? mod : { "default": mod };
  };
  Object.defineProperty(exports, "__esModule", { value: true });
  exports.declareQueues = declareQueues;
  const pg_boss_1 = __importDefault(require("pg-boss"));
  const queues = new pg_boss_1.default(process.env.DATABASE_URL);
  async function declareQueues() {
      await queues.createQueue("emails");
  }
`;

/** The same through Babel, whose helper comes from @babel/runtime. */
const compiledBabel = dedent`
  "use strict";

  var _interopRequireDefault = require("@babel/runtime/helpers/interopRequireDefault");
  var _pgBoss = _interopRequireDefault(require("pg-boss"));
  const jobs = new _pgBoss.default(process.env.DATABASE_URL);
  async function ready() {
    await jobs.createQueue("emails");
  }
  exports.ready = ready;
`;

const compiledTslib = dedent`
  "use strict";
  Object.defineProperty(exports, "__esModule", { value: true });
  const tslib_1 = require("tslib");
  const pgBoss = tslib_1.__importStar(require("pg-boss"));
  const jobs = new pgBoss.PgBoss(process.env.DATABASE_URL);
  async function ready() {
    await jobs.createQueue("emails");
  }
  exports.ready = ready;
`;

const REQUIRE = `const { safeCreateQueue } = require("pg-boss-safe-create-queue");`;

export const invalid: InvalidCase[] = [
  // Issue 9.4: rethrowing only the duplicate swallows every other error.
  bare(rethrowsOnlyDuplicate, `boss.createQueue('emails')`, rethrowsOnlyDuplicateFixed),
  // Issue 9.4: nothing rethrown on either branch.
  bare(logsEither, `boss.createQueue('emails')`, logsEitherFixed),
  // A rejected promise that is not returned rethrows nothing.
  bare(floatsRejection, `boss.createQueue('emails')`, floatsRejectionFixed),
  // The duplicate's case falls through into the throw.
  bare(duplicateFallsToThrow, `boss.createQueue('emails')`, duplicateFallsToThrowFixed),
  // Issue 9.1: the value of a getter is pg-boss, whichever file of the program this is.
  bare(
    `declare function getBoss(): Promise<unknown>;\nconst q = await getBoss();\nawait q.createQueue('a');\n`,
    `q.createQueue('a')`,
    `${IMPORT}\n\ndeclare function getBoss(): Promise<unknown>;\nconst q = await getBoss();\nawait safeCreateQueue(q, 'a');\n`,
  ),
  // Issue 9.2: pg-boss re-exported by a workspace package, imported as a type or under another name.
  bare(
    `import type { PgBoss } from '@acme/jobs';\n\nexport async function declare(queue: PgBoss) {\n  await queue.createQueue('emails');\n}\n`,
    `queue.createQueue('emails')`,
    `import type { PgBoss } from '@acme/jobs';\n${IMPORT}\n\nexport async function declare(queue: PgBoss) {\n  await safeCreateQueue(queue, 'emails');\n}\n`,
  ),
  bare(
    `import { PgBoss as Jobs } from '@acme/jobs';\n\nconst queues = new Jobs('postgres://localhost/app');\nawait queues.createQueue('emails');\n`,
    `queues.createQueue('emails')`,
    `import { PgBoss as Jobs } from '@acme/jobs';\n${IMPORT}\n\nconst queues = new Jobs('postgres://localhost/app');\nawait safeCreateQueue(queues, 'emails');\n`,
  ),
  // Issue 9.2: a module named in settings['pg-boss'].modules exports pg-boss's class by default.
  bare(
    `import Jobs from '@acme/jobs';\n\nconst queues = new Jobs('postgres://localhost/app');\nawait queues.createQueue('emails');\n`,
    `queues.createQueue('emails')`,
    `import Jobs from '@acme/jobs';\n${IMPORT}\n\nconst queues = new Jobs('postgres://localhost/app');\nawait safeCreateQueue(queues, 'emails');\n`,
    { settings: SETTINGS },
  ),
  // Issue 9.2: the app's own relative build.
  bare(
    `import { PgBoss } from '../dist/index.js';\n\nexport const jobs = new PgBoss('postgres://localhost/app');\nawait jobs.createQueue('emails');\n`,
    `jobs.createQueue('emails')`,
    `import { PgBoss } from '../dist/index.js';\n${IMPORT}\n\nexport const jobs = new PgBoss('postgres://localhost/app');\nawait safeCreateQueue(jobs, 'emails');\n`,
  ),
  // Issue 9.3: TypeScript's, Babel's and tslib's interop output; the fix adds a require, never an import,
  // after the last top-level require, wrapped or not (issue 19: it went above the wrapped ones).
  bare(
    compiledTs,
    `queues.createQueue("emails")`,
    compiledTs
      .replace(`require("pg-boss"));\n`, `require("pg-boss"));\n${REQUIRE}\n`)
      .replace(`queues.createQueue("emails")`, `safeCreateQueue(queues, "emails")`),
    { filename: 'file.js' },
  ),
  bare(
    compiledBabel,
    `jobs.createQueue("emails")`,
    compiledBabel
      .replace(`var _pgBoss = _interopRequireDefault(require("pg-boss"));\n`, `$&${REQUIRE}\n`)
      .replace(`jobs.createQueue("emails")`, `safeCreateQueue(jobs, "emails")`),
    { filename: 'file.js' },
  ),
  bare(
    compiledTslib,
    `jobs.createQueue("emails")`,
    compiledTslib
      .replace(`const pgBoss = tslib_1.__importStar(require("pg-boss"));\n`, `$&${REQUIRE}\n`)
      .replace(`jobs.createQueue("emails")`, `safeCreateQueue(jobs, "emails")`),
    { filename: 'file.js' },
  ),
  // A NestJS service that creates its instance in onModuleInit, not in the constructor.
  bare(
    dedent`
      import { PgBoss } from 'pg-boss';

      export class JobsService {
        private queue?: PgBoss;

        async onModuleInit() {
          this.queue = new PgBoss(process.env.DATABASE_URL!);
          await this.queue.createQueue('emails');
        }
      }
    `,
    `this.queue.createQueue('emails')`,
    dedent`
      import { PgBoss } from 'pg-boss';
      ${IMPORT}

      export class JobsService {
        private queue?: PgBoss;

        async onModuleInit() {
          this.queue = new PgBoss(process.env.DATABASE_URL!);
          await safeCreateQueue(this.queue, 'emails');
        }
      }
    `,
  ),
  // Issue 9.6: the receiver keeps its parentheses, and without options there are none to ignore.
  {
    code: `import { PgBoss } from 'pg-boss';\ndeclare function getBoss(): Promise<PgBoss>;\nawait (await getBoss()).createQueue('emails');\n`,
    errors: [
      {
        messageId: 'bareCreateQueueOnVersion',
        data: {
          receiver: '(await getBoss())',
          helper: 'safeCreateQueue',
          hazards: 'is a silent no-op',
          version: '12.38.0',
          importSource: 'pg-boss-safe-create-queue',
        },
        ...locate(
          `import { PgBoss } from 'pg-boss';\ndeclare function getBoss(): Promise<PgBoss>;\nawait (await getBoss()).createQueue('emails');\n`,
          `(await getBoss()).createQueue('emails')`,
        ),
        suggestions: [
          {
            messageId: 'useSafeCreateQueue',
            output: `import { PgBoss } from 'pg-boss';\n${IMPORT}\ndeclare function getBoss(): Promise<PgBoss>;\nawait safeCreateQueue(await getBoss(), 'emails');\n`,
          },
        ],
      },
    ],
  },
  // The message and the suggestion name the helper the suggestion inserts: ensureQueue where the call's value is used.
  {
    code: app(`export const ready = boss.createQueue('emails');\n`),
    errors: [
      {
        messageId: 'bareCreateQueueOnVersion',
        data: {
          receiver: 'boss',
          helper: 'ensureQueue',
          hazards: 'is a silent no-op',
          version: '12.38.0',
          importSource: 'pg-boss-safe-create-queue',
        },
        ...locate(app(`export const ready = boss.createQueue('emails');\n`), `boss.createQueue('emails')`),
        suggestions: [
          {
            messageId: 'useSafeCreateQueue',
            data: { helper: 'ensureQueue', receiver: 'boss', importSource: 'pg-boss-safe-create-queue' },
            output: `import { PgBoss } from 'pg-boss';\nimport { ensureQueue } from 'pg-boss-safe-create-queue';\n\nconst boss = new PgBoss('postgres://localhost/app');\n\nexport const ready = ensureQueue(boss, 'emails');\n`,
          },
        ],
      },
    ],
  },
  // Issue 9.6: with options, they are the ones ignored.
  {
    code: app(`await boss.createQueue('emails', { retryLimit: 5 });\n`),
    errors: [
      {
        messageId: 'bareCreateQueueOnVersion',
        data: {
          receiver: 'boss',
          helper: 'safeCreateQueue',
          hazards: 'ignores the options passed',
          version: '12.38.0',
          importSource: 'pg-boss-safe-create-queue',
        },
        ...locate(
          app(`await boss.createQueue('emails', { retryLimit: 5 });\n`),
          `boss.createQueue('emails', { retryLimit: 5 })`,
        ),
        suggestions: [
          {
            messageId: 'useSafeCreateQueue',
            output: appFixed(`await safeCreateQueue(boss, 'emails', { retryLimit: 5 });\n`),
          },
        ],
      },
    ],
  },
];

// Receivers typed through PgBoss rather than as PgBoss: utility types and a type parameter. Type
// information used to miss them all while the names reported them; modelled on
// inyourtime/pg-boss-registry src/setup.ts, which takes `boss: Pick<PgBoss, 'createQueue'>`.
// On pg-boss 12 (`export class`) and on 10/11 (`export =`), in both modes.
const PG_BOSS_IMPORTS = [
  `import type { PgBoss } from 'pg-boss';`,
  ...['10.4.2', '11.1.2'].map((version) => `import type PgBoss from 'pg-boss-${version}';`),
];

/** How the receiver is typed, the call as written, and whether the rewrite's helpers accept the receiver. */
const TYPED_THROUGH_PG_BOSS = [
  // Without getQueue and the rest, the helpers would not type-check: reported, no suggestion.
  { signature: `(boss: Pick<PgBoss, 'createQueue'>)`, call: `boss.createQueue('emails')`, fixable: false },
  { signature: `(boss: Partial<PgBoss>)`, call: `boss.createQueue?.('emails')`, fixable: false },
  { signature: `(boss: Readonly<PgBoss>)`, call: `boss.createQueue('emails')`, fixable: true },
  { signature: `(boss: Omit<PgBoss, 'stop'>)`, call: `boss.createQueue('emails')`, fixable: true },
  { signature: `<T extends PgBoss>(boss: T)`, call: `boss.createQueue('emails')`, fixable: true },
];

invalid.push(
  ...PG_BOSS_IMPORTS.flatMap((pgBossImport) =>
    TYPED_THROUGH_PG_BOSS.map(({ signature, call, fixable }) => {
      const module = (body: string, helperImport = '') =>
        `${pgBossImport}\n${helperImport}\nexport async function register${signature} {\n  await ${body};\n}\n`;
      return bare(module(call), call, fixable ? module(`safeCreateQueue(boss, 'emails')`, `${IMPORT}\n`) : null);
    }),
  ),
);
