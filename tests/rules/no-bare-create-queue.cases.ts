import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { MessageIds, Options } from '../../rules/no-bare-create-queue';
import { dedent, locate } from '../support/dedent';

/** Which runs a case belongs to: both, or only the one whose answer differs (documented in the rule page). */
export type Mode = 'untyped' | 'typed';
export type ValidCase = (ValidTestCase<Options> & { mode?: Mode }) | string;
export type InvalidCase = InvalidTestCase<MessageIds, Options> & { mode?: Mode };

export const IMPORT = `import { safeCreateQueue } from 'pg-boss-safe-create-queue';`;
const MESSAGE: MessageIds = 'bareCreateQueueOnVersion';

/** A TypeScript ES module that creates a pg-boss instance the way most apps do. */
function app(body: string): string {
  return `import { PgBoss } from 'pg-boss';\n\nconst boss = new PgBoss('postgres://localhost/app');\n\n${body}`;
}

/** One reported call, its position, and the code its suggestion produces (null: no suggestion). */
export function bare(
  code: string,
  snippet: string,
  output: string | null,
  extra: Partial<InvalidCase> = {},
): InvalidCase {
  return {
    code,
    ...extra,
    errors: [
      {
        messageId: MESSAGE,
        ...locate(code, snippet),
        suggestions: output === null ? [] : [{ messageId: 'useSafeCreateQueue', output }],
      },
    ],
  };
}

export const valid: ValidCase[] = [
  // No createQueue anywhere.
  app('await boss.send("emails", {});\n'),
  // Already migrated.
  dedent`
    import { PgBoss } from 'pg-boss';
    import { safeCreateQueue } from 'pg-boss-safe-create-queue';
    const boss = new PgBoss('postgres://localhost/app');
    await safeCreateQueue(boss, 'emails');
  `,
  // Existence checks that dominate the call.
  app(dedent`
    export async function declare(name: string) {
      if (!(await boss.getQueue(name))) {
        await boss.createQueue(name);
      }
    }
  `),
  app(dedent`
    export async function declare(name: string) {
      const existing = await boss.getQueue(name);
      if (!existing) await boss.createQueue(name, { retryLimit: 3 });
    }
  `),
  app(dedent`
    const queue = await boss.getQueue('emails');
    if (queue === null) {
      await boss.createQueue('emails');
    }
  `),
  app(dedent`
    const queue = await boss.getQueue('emails');
    if (queue == null) await boss.createQueue('emails');
  `),
  app(dedent`
    export async function declare(name: string) {
      if (await boss.getQueue(name)) return;
      await boss.createQueue(name);
    }
  `),
  app(dedent`
    export async function declareAll(names: string[]) {
      for (const name of names) {
        const existing = await boss.getQueue(name);
        if (existing) {
          continue;
        }
        await boss.createQueue(name);
      }
    }
  `),
  app(dedent`
    const existing = await boss.getQueue('emails');
    if (existing) {
      console.log('emails exists');
    } else {
      await boss.createQueue('emails');
    }
  `),
  app(dedent`
    const exists = (await boss.getQueue('emails')) !== null;
    if (!exists) await boss.createQueue('emails');
  `),
  app(dedent`
    const exists = Boolean(await boss.getQueue('emails'));
    const created = exists ? null : await boss.createQueue('emails');
  `),
  app(dedent`
    const queues = await boss.getQueues();
    if (!queues.some((queue) => queue.name === 'emails')) await boss.createQueue('emails');
  `),
  app(dedent`
    const queues = await boss.getQueues();
    if (!queues.find(({ name }) => name === 'emails')) await boss.createQueue('emails');
  `),
  app(dedent`
    const names = (await boss.getQueues()).map((queue) => queue.name);
    if (!names.includes('emails')) await boss.createQueue('emails');
  `),
  app(dedent`
    (await boss.getQueue('emails')) || (await boss.createQueue('emails'));
  `),
  // 23505 handling around an awaited call.
  app(dedent`
    try {
      await boss.createQueue('emails');
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
    }
  `),
  app(dedent`
    const UNIQUE_VIOLATION = '23505';
    try {
      await boss.createQueue('emails');
    } catch (error: any) {
      if (error?.code === UNIQUE_VIOLATION) return;
      throw error;
    }
  `),
  app(dedent`
    try {
      await boss.createQueue('emails');
    } catch (error: any) {
      switch (error.code) {
        case '23505':
          break;
        default:
          throw error;
      }
    }
  `),
  app(dedent`
    function isUniqueViolation(error: unknown): boolean {
      return (error as { code?: string } | undefined)?.code === '23505';
    }
    export async function declare() {
      try {
        return await boss.createQueue('emails');
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  `),
  app(dedent`
    try {
      await boss.createQueue('emails');
    } catch ({ code }: any) {
      if (code !== '23505') throw new Error('queue setup failed');
    }
  `),
  app(dedent`
    try {
      await boss.createQueue('emails');
    } catch (error) {
      const { message } = error as Error;
      if (!message.includes('already exists')) throw error;
    }
  `),
  // Promise.all passes the first rejection of the mapped calls to the awaiting try.
  app(dedent`
    try {
      await Promise.all(['emails', 'sms'].map((name) => boss.createQueue(name)));
    } catch (error: any) {
      if (error.code !== '23505') throw error;
    }
  `),
  app(dedent`
    await boss.createQueue('emails').catch((error) => {
      if (error.code !== '23505') throw error;
    });
  `),
  app(dedent`
    const ignoreDuplicate = (error: { code?: string }) => {
      if (error.code !== '23505') throw error;
    };
    await boss.createQueue('emails').catch(ignoreDuplicate);
  `),
  // Receivers that are not pg-boss.
  dedent`
    import { SQSClient, CreateQueueCommand } from '@aws-sdk/client-sqs';
    const sqs = { createQueue: (name: string) => Promise.resolve(name) };
    await sqs.createQueue('emails');
  `,
  dedent`
    declare const queueServiceClient: { createQueue(name: string): Promise<void> };
    declare const rsmq: { createQueue(options: { qname: string }): Promise<void> };
    await queueServiceClient.createQueue('emails');
    await rsmq.createQueue({ qname: 'emails' });
  `,
  dedent`
    class QueueRegistry {
      private readonly names = new Set<string>();
      async createQueue(name: string) {
        this.names.add(name);
      }
      async init() {
        await this.createQueue('emails');
      }
    }
  `,
  dedent`
    class SqsBoss {
      async createQueue(name: string) {
        return name;
      }
    }
    const boss = new SqsBoss();
    export async function declare(sqsBoss: SqsBoss) {
      await boss.createQueue('emails');
      await sqsBoss.createQueue('emails');
    }
  `,
  // CommonJS through ESLint's default parser.
  {
    code: dedent`
      const PgBoss = require('pg-boss');
      const boss = new PgBoss(process.env.DATABASE_URL);
      async function declare(name) {
        if (!(await boss.getQueue(name))) await boss.createQueue(name);
      }
      module.exports = { declare };
    `,
    filename: 'file.js',
  },
  // An inline object type proves a look-alike, whatever its name says.
  dedent`
    declare const boss: { createQueue(name: string): Promise<void> };
    await boss.createQueue('emails');
  `,
  // Without types, a container member named without "boss" is not known.
  {
    mode: 'untyped',
    code: dedent`
      import { PgBoss } from 'pg-boss';
      declare const services: { queue: PgBoss };
      await services.queue.createQueue('emails');
    `,
  },
  // A class of the file is the class itself: `PgBossManager.createQueue` is its own static method.
  dedent`
    import { PgBoss } from 'pg-boss';
    export class PgBossManager {
      private static instance: PgBoss;
      static async createQueue(name: string): Promise<void> {
        if (!(await PgBossManager.instance.getQueue(name))) await PgBossManager.instance.createQueue(name);
      }
    }
    await PgBossManager.createQueue('emails');
  `,
  // A getter's declared return type outranks its name, and an overload answers only the calls it takes.
  dedent`
    class Cache {
      async createQueue(name: string): Promise<void> {}
    }
    function getBossCache(): Cache {
      return new Cache();
    }
    await getBossCache().createQueue('emails');
  `,
  dedent`
    import { PgBoss } from 'pg-boss';
    class Cache {
      async createQueue(name: string): Promise<void> {}
    }
    declare function jobs(): PgBoss;
    declare function jobs(region: string): Cache;
    await jobs('eu').createQueue('emails');
  `,
  // An overload whose parameter's type the literal argument does not fit is not the one called.
  dedent`
    import { PgBoss } from 'pg-boss';
    class Cache {
      async createQueue(name: string): Promise<void> {}
    }
    declare function service(name: 'jobs'): PgBoss;
    declare function service(name: 'cache' | 'sessions'): Cache;
    declare function service(id: number): PgBoss;
    await service('cache').createQueue('emails');
  `,
  // `this` in a static block is its own class, not that of a method around the class.
  dedent`
    import { PgBoss } from 'pg-boss';
    class Cache {
      async createQueue(name: string): Promise<void> {}
    }
    export class Jobs {
      instance(): PgBoss {
        return new PgBoss('postgres://localhost/app');
      }
      caches() {
        return class {
          static instance(): Cache {
            return new Cache();
          }
          static {
            void this.instance().createQueue('emails');
          }
        };
      }
    }
  `,
];

const basic = app(`await boss.createQueue('emails');\n`);
const basicFixed = `import { PgBoss } from 'pg-boss';\n${IMPORT}\n\nconst boss = new PgBoss('postgres://localhost/app');\n\nawait safeCreateQueue(boss, 'emails');\n`;

/** `app(...)` with the helper imported and `body` rewritten. */
function appFixed(body: string, helper: 'safeCreateQueue' | 'ensureQueue' = 'safeCreateQueue'): string {
  const helperImport = IMPORT.replace('safeCreateQueue', helper);
  return `import { PgBoss } from 'pg-boss';\n${helperImport}\n\nconst boss = new PgBoss('postgres://localhost/app');\n\n${body}`;
}

export const invalid: InvalidCase[] = [
  bare(basic, `boss.createQueue('emails')`, basicFixed),
  bare(
    app(`export function declare(name: string) {\n  return boss.createQueue(name, { retryLimit: 2 });\n}\n`),
    `boss.createQueue(name, { retryLimit: 2 })`,
    // A returned call keeps createQueue's Promise<void> type.
    appFixed(
      `export function declare(name: string) {\n  return ensureQueue(boss, name, { retryLimit: 2 });\n}\n`,
      'ensureQueue',
    ),
  ),
  bare(
    app(`boss.createQueue('emails').then(() => console.log('ready'));\n`),
    `boss.createQueue('emails')`,
    appFixed(`ensureQueue(boss, 'emails').then(() => console.log('ready'));\n`, 'ensureQueue'),
  ),
  bare(
    app(`void boss.createQueue('emails');\n`),
    `boss.createQueue('emails')`,
    appFixed(`void safeCreateQueue(boss, 'emails');\n`),
  ),
  // A check on another queue's name guards nothing.
  bare(
    app(`if (!(await boss.getQueue('sms'))) await boss.createQueue('emails');\n`),
    `boss.createQueue('emails')`,
    appFixed(`if (!(await boss.getQueue('sms'))) await safeCreateQueue(boss, 'emails');\n`),
  ),
  // A check after the call comes too late.
  bare(
    app(`await boss.createQueue('emails');\nif (!(await boss.getQueue('emails'))) throw new Error('missing');\n`),
    `boss.createQueue('emails')`,
    appFixed(
      `await safeCreateQueue(boss, 'emails');\nif (!(await boss.getQueue('emails'))) throw new Error('missing');\n`,
    ),
  ),
  // A catch that only logs also swallows connection errors.
  bare(
    app(`try {\n  await boss.createQueue('emails');\n} catch (error) {\n  console.error(error);\n}\n`),
    `boss.createQueue('emails')`,
    appFixed(`try {\n  await safeCreateQueue(boss, 'emails');\n} catch (error) {\n  console.error(error);\n}\n`),
  ),
  bare(
    app(`try {\n  await boss.createQueue('emails');\n} catch {}\n`),
    `boss.createQueue('emails')`,
    appFixed(`try {\n  await safeCreateQueue(boss, 'emails');\n} catch {}\n`),
  ),
  // 23503 is a missing dead-letter queue, not an existing queue.
  bare(
    app(
      `try {\n  await boss.createQueue('emails');\n} catch (error: any) {\n  if (error.code !== '23503') throw error;\n}\n`,
    ),
    `boss.createQueue('emails')`,
    appFixed(
      `try {\n  await safeCreateQueue(boss, 'emails');\n} catch (error: any) {\n  if (error.code !== '23503') throw error;\n}\n`,
    ),
  ),
  // Matching the message without rethrowing the rest swallows every other error.
  bare(
    app(
      `try {\n  await boss.createQueue('emails');\n} catch (error: any) {\n  if (error.message.includes('already exists')) console.log('exists');\n}\n`,
    ),
    `boss.createQueue('emails')`,
    appFixed(
      `try {\n  await safeCreateQueue(boss, 'emails');\n} catch (error: any) {\n  if (error.message.includes('already exists')) console.log('exists');\n}\n`,
    ),
  ),
  // The promise floats out of the try, so the catch never sees its rejection.
  bare(
    app(
      `try {\n  names.forEach((name) => boss.createQueue(name));\n} catch (error: any) {\n  if (error.code !== '23505') throw error;\n}\n`,
    ),
    `boss.createQueue(name)`,
    appFixed(
      `try {\n  names.forEach((name) => safeCreateQueue(boss, name));\n} catch (error: any) {\n  if (error.code !== '23505') throw error;\n}\n`,
    ),
  ),
  bare(
    app(`await Promise.all(names.map((name) => boss.createQueue(name)));\n`),
    `boss.createQueue(name)`,
    appFixed(`await Promise.all(names.map((name) => ensureQueue(boss, name)));\n`, 'ensureQueue'),
  ),
  // The rewrite keeps the short-circuit of an optional call.
  bare(
    `import type { PgBoss } from 'pg-boss';\n\nexport async function declare(boss: PgBoss | undefined) {\n  await boss?.createQueue('emails');\n}\n`,
    `boss?.createQueue('emails')`,
    `import type { PgBoss } from 'pg-boss';\n${IMPORT}\n\nexport async function declare(boss: PgBoss | undefined) {\n  await (boss == null ? undefined : safeCreateQueue(boss, 'emails'));\n}\n`,
  ),
  // A chain that goes on after the optional call goes inside the condition, which skipped all of it.
  bare(
    `import type { PgBoss } from 'pg-boss';\n\nexport function declare(boss?: PgBoss) {\n  return boss?.createQueue('emails').then(() => true);\n}\n`,
    `boss?.createQueue('emails')`,
    `import type { PgBoss } from 'pg-boss';\n${IMPORT.replace('safeCreateQueue', 'ensureQueue')}\n\nexport function declare(boss?: PgBoss) {\n  return (boss == null ? undefined : ensureQueue(boss, 'emails').then(() => true));\n}\n`,
  ),
  bare(
    app(`await boss['createQueue']('emails');\n`),
    `boss['createQueue']('emails')`,
    appFixed(`await safeCreateQueue(boss, 'emails');\n`),
  ),
  bare(
    dedent`
      import { PgBoss } from 'pg-boss';

      export class Queues {
        private boss: PgBoss;
        #backup = new PgBoss('postgres://localhost/backup');

        constructor(url: string) {
          this.boss = new PgBoss(url);
        }

        async init() {
          await this.boss.createQueue('emails');
        }
      }
    `,
    `this.boss.createQueue('emails')`,
    dedent`
      import { PgBoss } from 'pg-boss';
      ${IMPORT}

      export class Queues {
        private boss: PgBoss;
        #backup = new PgBoss('postgres://localhost/backup');

        constructor(url: string) {
          this.boss = new PgBoss(url);
        }

        async init() {
          await safeCreateQueue(this.boss, 'emails');
        }
      }
    `,
  ),
  bare(
    dedent`
      import PgBoss from 'pg-boss';

      export class Queues {
        #boss = new PgBoss('postgres://localhost/app');

        async init() {
          await this.#boss.createQueue('emails');
        }
      }
    `,
    `this.#boss.createQueue('emails')`,
    dedent`
      import PgBoss from 'pg-boss';
      ${IMPORT}

      export class Queues {
        #boss = new PgBoss('postgres://localhost/app');

        async init() {
          await safeCreateQueue(this.#boss, 'emails');
        }
      }
    `,
  ),
  // Options spanning lines keep their layout; the receiver gets a line of its own.
  bare(
    app(
      `await boss.createQueue(\n  'emails',\n  {\n    retryLimit: 5, // enough for SMTP hiccups\n    deadLetter: 'emails_dlq',\n  },\n);\n`,
    ),
    `boss.createQueue(\n  'emails',\n  {\n    retryLimit: 5, // enough for SMTP hiccups\n    deadLetter: 'emails_dlq',\n  },\n)`,
    appFixed(
      `await safeCreateQueue(\n  boss,\n  'emails',\n  {\n    retryLimit: 5, // enough for SMTP hiccups\n    deadLetter: 'emails_dlq',\n  },\n);\n`,
    ),
  ),
  // An existing import from the helper's module is extended, not duplicated.
  bare(
    `import { PgBoss } from 'pg-boss';\nimport { verifyQueues } from 'pg-boss-safe-create-queue';\n\nconst boss = new PgBoss('postgres://localhost/app');\nawait boss.createQueue('emails');\n`,
    `boss.createQueue('emails')`,
    `import { PgBoss } from 'pg-boss';\nimport { verifyQueues, safeCreateQueue } from 'pg-boss-safe-create-queue';\n\nconst boss = new PgBoss('postgres://localhost/app');\nawait safeCreateQueue(boss, 'emails');\n`,
  ),
  // A local safeCreateQueue of the app's own is not shadowed.
  bare(
    `import { PgBoss } from 'pg-boss';\n\nconst boss = new PgBoss('postgres://localhost/app');\nfunction safeCreateQueue() {}\nawait boss.createQueue('emails');\n`,
    `boss.createQueue('emails')`,
    `import { PgBoss } from 'pg-boss';\nimport { safeCreateQueue as safeCreateQueue2 } from 'pg-boss-safe-create-queue';\n\nconst boss = new PgBoss('postgres://localhost/app');\nfunction safeCreateQueue() {}\nawait safeCreateQueue2(boss, 'emails');\n`,
  ),
  // A header comment stays above the imports; double quotes follow the file's style.
  bare(
    `// Queue declarations.\nimport { PgBoss } from "pg-boss";\n\nexport const boss = new PgBoss("postgres://localhost/app");\nawait boss.createQueue("emails");\n`,
    `boss.createQueue("emails")`,
    `// Queue declarations.\nimport { PgBoss } from "pg-boss";\nimport { safeCreateQueue } from "pg-boss-safe-create-queue";\n\nexport const boss = new PgBoss("postgres://localhost/app");\nawait safeCreateQueue(boss, "emails");\n`,
  ),
  // An untyped parameter is recognised by its name.
  bare(
    `export async function declare(pgBoss, name) {\n  await pgBoss.createQueue(name);\n}\n`,
    `pgBoss.createQueue(name)`,
    `import { safeCreateQueue } from 'pg-boss-safe-create-queue';\n\nexport async function declare(pgBoss, name) {\n  await safeCreateQueue(pgBoss, name);\n}\n`,
  ),
  // CommonJS gets a require, placed after the file's last require.
  bare(
    `'use strict';\n\nconst PgBoss = require('pg-boss');\nconst boss = new PgBoss(process.env.DATABASE_URL);\n\nasync function declare() {\n  await boss.createQueue('emails');\n}\nmodule.exports = { declare };\n`,
    `boss.createQueue('emails')`,
    `'use strict';\n\nconst PgBoss = require('pg-boss');\nconst { safeCreateQueue } = require('pg-boss-safe-create-queue');\nconst boss = new PgBoss(process.env.DATABASE_URL);\n\nasync function declare() {\n  await safeCreateQueue(boss, 'emails');\n}\nmodule.exports = { declare };\n`,
    { filename: 'file.js' },
  ),
  // `importSource` points the rewrite at the app's own wrapper.
  bare(basic, `boss.createQueue('emails')`, basicFixed.replace('pg-boss-safe-create-queue', '#lib/queues'), {
    options: [{ importSource: '#lib/queues' }],
  }),
  // A static field of a class of the file is read by its annotation, whatever its name.
  bare(
    `import { PgBoss } from 'pg-boss';\nexport class Queue {\n  static instance: PgBoss;\n}\nawait Queue.instance.createQueue('emails');\n`,
    `Queue.instance.createQueue('emails')`,
    `import { PgBoss } from 'pg-boss';\n${IMPORT}\nexport class Queue {\n  static instance: PgBoss;\n}\nawait safeCreateQueue(Queue.instance, 'emails');\n`,
  ),
  // A getter of the same file is read by its declared return type, whatever its name.
  bare(
    `import { PgBoss } from 'pg-boss';\nclass Cache {}\nfunction jobs(): PgBoss;\nfunction jobs(region: string): Cache;\nfunction jobs(region?: string): PgBoss | Cache {\n  return region ? new Cache() : new PgBoss('x');\n}\nawait jobs().createQueue('emails');\n`,
    `jobs().createQueue('emails')`,
    `import { PgBoss } from 'pg-boss';\n${IMPORT}\nclass Cache {}\nfunction jobs(): PgBoss;\nfunction jobs(region: string): Cache;\nfunction jobs(region?: string): PgBoss | Cache {\n  return region ? new Cache() : new PgBoss('x');\n}\nawait safeCreateQueue(jobs(), 'emails');\n`,
  ),
  bare(
    `import { PgBoss } from 'pg-boss';\nexport class Jobs {\n  constructor(private readonly instance: PgBoss) {}\n  private queues = async (): Promise<PgBoss> => this.instance;\n  async start(): Promise<void> {\n    await (await this.queues()).createQueue('emails');\n  }\n}\n`,
    `(await this.queues()).createQueue('emails')`,
    `import { PgBoss } from 'pg-boss';\n${IMPORT}\nexport class Jobs {\n  constructor(private readonly instance: PgBoss) {}\n  private queues = async (): Promise<PgBoss> => this.instance;\n  async start(): Promise<void> {\n    await safeCreateQueue(await this.queues(), 'emails');\n  }\n}\n`,
  ),
  // Type information recognises pg-boss behind factories and containers; a getter's name says so too.
  bare(
    `import { PgBoss } from 'pg-boss';\ndeclare function getBoss(): PgBoss;\nawait getBoss().createQueue('emails');\n`,
    `getBoss().createQueue('emails')`,
    `import { PgBoss } from 'pg-boss';\n${IMPORT}\ndeclare function getBoss(): PgBoss;\nawait safeCreateQueue(getBoss(), 'emails');\n`,
  ),
  bare(
    `import { PgBoss } from 'pg-boss';\ndeclare const services: { queue: PgBoss };\nconst alias = services.queue;\nawait alias.createQueue('emails');\n`,
    `alias.createQueue('emails')`,
    `import { PgBoss } from 'pg-boss';\n${IMPORT}\ndeclare const services: { queue: PgBoss };\nconst alias = services.queue;\nawait safeCreateQueue(alias, 'emails');\n`,
    { mode: 'typed' },
  ),
  // Where no pg-boss install can be found for the file, the message names every version's hazard.
  {
    mode: 'untyped',
    code: basic,
    filename: '/nonexistent-project/src/queues.ts',
    errors: [
      {
        messageId: 'bareCreateQueue',
        ...locate(basic, `boss.createQueue('emails')`),
        suggestions: [{ messageId: 'useSafeCreateQueue', output: basicFixed }],
      },
    ],
  },
  // Type information finds pg-boss 10 and 11 instances too (`export =` declarations), behind a factory.
  ...(['10.4.2', '11.1.2'] as const).map((version) =>
    bare(
      `import PgBoss from 'pg-boss-${version}';\ndeclare function makeQueues(): PgBoss;\nconst queues = makeQueues();\nawait queues.createQueue('emails');\n`,
      `queues.createQueue('emails')`,
      `import PgBoss from 'pg-boss-${version}';\n${IMPORT}\ndeclare function makeQueues(): PgBoss;\nconst queues = makeQueues();\nawait safeCreateQueue(queues, 'emails');\n`,
      { mode: 'typed' },
    ),
  ),
  // With `autofix`, `eslint --fix` rewrites and no suggestion is offered.
  {
    code: basic,
    options: [{ autofix: true }],
    output: basicFixed,
    errors: [{ messageId: MESSAGE, ...locate(basic, `boss.createQueue('emails')`), suggestions: [] }],
  },
];

// Rewrites that keep the program's types and meaning (issue 10): where the call's value is read, the
// fix calls ensureQueue, createQueue's Promise<void> twin; receivers typed without the helpers'
// methods get no fix; `createQueue?.()` keeps testing the method.
const ENSURE_IMPORT = IMPORT.replace('safeCreateQueue', 'ensureQueue');

invalid.push(
  // A stored promise keeps its Promise<void> type.
  bare(
    app(`const pending = new Map<string, Promise<void>>();\npending.set('emails', boss.createQueue('emails'));\n`),
    `boss.createQueue('emails')`,
    appFixed(
      `const pending = new Map<string, Promise<void>>();\npending.set('emails', ensureQueue(boss, 'emails'));\n`,
      'ensureQueue',
    ),
  ),
  // An assigned promise, and an arrow whose body is its result.
  bare(
    app(`const declared: Promise<void> = boss.createQueue('emails');\n`),
    `boss.createQueue('emails')`,
    appFixed(`const declared: Promise<void> = ensureQueue(boss, 'emails');\n`, 'ensureQueue'),
  ),
  bare(
    app(`export const steps: Array<() => Promise<void>> = [() => boss.createQueue('emails')];\n`),
    `boss.createQueue('emails')`,
    appFixed(`export const steps: Array<() => Promise<void>> = [() => ensureQueue(boss, 'emails')];\n`, 'ensureQueue'),
  ),
  // An app function of its own named ensureQueue is not shadowed.
  bare(
    app(`function ensureQueue() {}\nexport const ready = boss.createQueue('emails');\n`),
    `boss.createQueue('emails')`,
    `import { PgBoss } from 'pg-boss';\n${ENSURE_IMPORT.replace('ensureQueue', 'ensureQueue as ensureQueue2')}\n\nconst boss = new PgBoss('postgres://localhost/app');\n\nfunction ensureQueue() {}\nexport const ready = ensureQueue2(boss, 'emails');\n`,
  ),
  // `createQueue?.()` runs nothing when the method is missing; the rewrite tests the method, not the receiver.
  bare(
    `import type { PgBoss } from 'pg-boss';\n\nexport async function declare(boss: PgBoss) {\n  await boss.createQueue?.('emails');\n}\n`,
    `boss.createQueue?.('emails')`,
    `import type { PgBoss } from 'pg-boss';\n${IMPORT}\n\nexport async function declare(boss: PgBoss) {\n  await (boss.createQueue == null ? undefined : safeCreateQueue(boss, 'emails'));\n}\n`,
  ),
  // Keeping the short-circuit would evaluate a receiver with side effects twice: reported, no fix.
  bare(
    `import type { PgBoss } from 'pg-boss';\n\nexport async function declare(connect: () => { boss?: PgBoss }) {\n  await connect().boss?.createQueue('emails');\n}\n`,
    `connect().boss?.createQueue('emails')`,
    null,
  ),
  // A NestJS-style constructor parameter property typed `Pick<PgBoss, 'createQueue'>` cannot be the helpers'
  // argument: reported, no fix (parameters typed through PgBoss are in the real-code table).
  bare(
    dedent`
      import type { PgBoss } from 'pg-boss';

      export class Queues {
        constructor(private readonly boss: Pick<PgBoss, 'createQueue'>) {}

        async init() {
          await this.boss.createQueue('emails');
        }
      }
    `,
    `this.boss.createQueue('emails')`,
    null,
  ),
);
