import fs from 'node:fs';
import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import { copyQueuesMonorepo } from '../support/queuesMonorepo';

/**
 * A copy of the fixture monorepo for the queue rules' RuleTester cases: each case is one of its files, as
 * on disk or as edited in an editor and not saved. `queueRoots` names the copy, since RuleTester lints
 * from this repository's working directory.
 */
export function queueProject() {
  const directory = copyQueuesMonorepo();
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
  const settings = { 'pg-boss': { queueRoots: [directory] } };
  const filename = (file: string) => path.join(directory, file);
  const onDisk = (file: string) => fs.readFileSync(filename(file), 'utf8');

  return {
    directory,
    /** A file of the project linted with `code` (its text on disk when none is given). */
    valid: (file: string, code = onDisk(file)): ValidTestCase<[]> => ({ code, filename: filename(file), settings }),
    invalid: <MessageIds extends string>(
      file: string,
      errors: InvalidTestCase<MessageIds, []>['errors'],
      code = onDisk(file),
    ): InvalidTestCase<MessageIds, []> => ({ code, filename: filename(file), settings, errors, output: null }),
    onDisk,
  };
}

/**
 * The typed variant: a tsconfig.json over the whole copy, so typescript-eslint's project service gives
 * every file (the CommonJS worker too) a program.
 */
export function typedParserOptions(directory: string) {
  fs.writeFileSync(
    path.join(directory, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { allowJs: true, noEmit: true }, include: ['**/*'] }),
  );
  return { projectService: true, tsconfigRootDir: directory };
}
