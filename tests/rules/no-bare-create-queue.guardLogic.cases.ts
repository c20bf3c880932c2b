// Guards judged with three values (issue 19): a test the analysis cannot read (`error instanceof Error`,
// `ignorable(error)`, a flag) is unknown, and an unknown operand leaves `&&`, `||`, `??` and `?:`
// unknown unless the known side decides alone. Unknown never counts as handling: another error must be
// rethrown whichever way each unknown test goes, and the queue must be absent whichever way they go.
import { dedent } from '../support/dedent';
import { bare, IMPORT, type InvalidCase, type ValidCase } from './no-bare-create-queue.cases';

const HEADER = `import { PgBoss } from 'pg-boss';\n\nconst boss = new PgBoss('postgres://localhost/app');\ndeclare function ignorable(error: unknown): boolean;\ndeclare const enabled: boolean;\n\n`;
const CALL = `boss.createQueue('emails')`;

/** A module awaiting the call in a try whose catch is `handler`. */
function tryCatch(handler: string): string {
  return `${HEADER}try {\n  await ${CALL};\n} catch (error: any) {\n${handler}\n}\n`;
}

/** A module where `body` holds the call. */
function module(body: string): string {
  return `${HEADER}${body}`;
}

/** The module reported at its call, with the suggestion's rewrite (ensureQueue where `.catch` reads the call's value). */
function reported(code: string, helper: 'safeCreateQueue' | 'ensureQueue' = 'safeCreateQueue'): InvalidCase {
  const fixedHeader = HEADER.replace(`'pg-boss';\n`, `'pg-boss';\n${IMPORT.replace('safeCreateQueue', helper)}\n`);
  return bare(code, CALL, fixedHeader + code.slice(HEADER.length).replace(CALL, `${helper}(boss, 'emails')`));
}

export const valid: ValidCase[] = [
  // `unknown && duplicate` lets only a duplicate go: another error fails the `&&` whatever the unknown is.
  tryCatch(`  if (error instanceof Error && error.code === '23505') return;\n  throw error;`),
  // `unknown || not duplicate` rethrows every other error.
  tryCatch(`  if (!(error instanceof Error) || error.code !== '23505') throw error;`),
  // An unknown test that rethrows before the 23505 test: every other error is still rethrown.
  tryCatch(`  if (ignorable(error)) throw error;\n  if (error.code !== '23505') throw error;`),
  // `?:` with an unknown test is known when both branches agree (both false for another error).
  tryCatch(`  if (!(typeof error === 'object' && error !== null ? error.code === '23505' : false)) throw error;`),
  // `??` with a known left side.
  tryCatch(`  const duplicate = error.code === '23505';\n  if (!(duplicate ?? false)) throw error;`),
  // A predicate whose body is `unknown && duplicate` is read the same way.
  module(dedent`
    const isDuplicate = (error: any) => error instanceof Error && error.code === '23505';
    await ${CALL}.catch((error) => {
      if (!isDuplicate(error)) throw error;
    });
  `),
  // Existence checks: `absent && unknown` is false when the queue exists, `exists || unknown` true.
  module(`if (!(await boss.getQueue('emails')) && enabled) await ${CALL};\n`),
  module(`if ((await boss.getQueue('emails')) || !enabled) {\n  // nothing to do\n} else {\n  await ${CALL};\n}\n`),
  module(`(await boss.getQueue('emails')) || !enabled || (await ${CALL});\n`),
  module(`const exists = !!(await boss.getQueue('emails'));\nif (exists || !enabled) return;\nawait ${CALL};\n`),
  module(`if (enabled ? !(await boss.getQueue('emails')) : false) await ${CALL};\n`),
];

export const invalid: InvalidCase[] = [
  // `unknown || duplicate` swallows every Error, not only the duplicate (issue 19).
  reported(tryCatch(`  if (error instanceof Error || error.code === '23505') return;\n  throw error;`)),
  reported(tryCatch(`  if (ignorable(error) || error.code === '23505') return;\n  throw error;`)),
  // The same rethrow written with `&&`: `!unknown && not duplicate` is unknown for another error.
  reported(tryCatch(`  if (!(error instanceof Error) && error.code !== '23505') throw error;`)),
  // A `?:` handler whose unknown test lets other errors through.
  reported(
    module(
      `await ${CALL}.catch((error) => (error instanceof Error || error.code === '23505' ? undefined : Promise.reject(error)));\n`,
    ),
    'ensureQueue',
  ),
  // `?:` inside the test: an unknown branch for another error.
  reported(tryCatch(`  if (error.code === '23505' ? true : ignorable(error)) return;\n  throw error;`)),
  // `??` whose left side is unknown.
  reported(tryCatch(`  if (error.duplicate ?? error.code === '23505') return;\n  throw error;`)),
  // An early return on an unknown test swallows what it matches.
  reported(tryCatch(`  if (ignorable(error)) return;\n  if (error.code !== '23505') throw error;`)),
  // A predicate whose body is `unknown || duplicate`.
  reported(
    module(
      `const isIgnorable = (error: any) => error instanceof Error || error.code === '23505';\nawait ${CALL}.catch((error) => {\n  if (!isIgnorable(error)) throw error;\n});\n`,
    ),
    'ensureQueue',
  ),
  // Existence checks: `absent || unknown` and `exists && unknown` may run the call on an existing queue.
  reported(module(`if (!(await boss.getQueue('emails')) || enabled) await ${CALL};\n`)),
  reported(module(`if ((await boss.getQueue('emails')) && enabled) return;\nawait ${CALL};\n`)),
  reported(module(`if (enabled ? (await boss.getQueue('emails')) === null : true) await ${CALL};\n`)),
];
