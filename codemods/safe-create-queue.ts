import path from 'node:path';
import { mayContainCreateQueue } from '../src/analysis/mayContainCreateQueue';
import { findTypeTestConvention } from '../src/files/findTypeTestConvention';
import { parserFor } from '../src/files/parseSourceFile';
import { rewriteSource } from '../src/rewrite/rewriteSource';
import { DEFAULT_IMPORT_SOURCE } from '../src/runtimeModule';

/** What jscodeshift hands a transform, declared here so that the package needs no jscodeshift types. */
interface FileInfo {
  readonly path: string;
  readonly source: string;
}

/** The part of jscodeshift's API the transform uses: `report` prints a line for the file. */
interface Api {
  readonly report?: (message: string) => void;
}

/** jscodeshift's options: every `--name=value` of its command line. */
type Options = Readonly<Record<string, unknown>>;

/**
 * jscodeshift transform: rewrites bare `boss.createQueue(…)` calls to `safeCreateQueue(boss, …)` (or
 * `ensureQueue(boss, …)` where the call's value is used), exactly as the rule's suggestion would, imports
 * the helpers once, and leaves a TODO(pg-boss-codemod) comment above the calls it cannot rewrite safely. Returns the source unchanged (the same
 * string) when there is nothing to do, so jscodeshift reports "unchanged" and never reprints the file.
 *
 *   npx jscodeshift --no-babel -t node_modules/eslint-plugin-pg-boss/dist/codemods/safe-create-queue.js src/
 *
 * (`--no-babel`: the transform is already JavaScript; compiling it again with Babel costs seconds.)
 *
 * Option `--importSource=<module>` changes where the helper is imported from. Type tests (`*.test-d.ts`,
 * `typetests/`…, below the working directory) are left alone and reported, as by `pg-boss-codemod`,
 * unless `--includeTypeTests` is given.
 */
function transform(file: FileInfo, api: Api, options: Options): string {
  const importSource = typeof options.importSource === 'string' ? options.importSource : DEFAULT_IMPORT_SOURCE;
  const typeTest = options.includeTypeTests ? undefined : findTypeTestConvention(path.relative('.', file.path));
  if (typeTest !== undefined) {
    if (mayContainCreateQueue(file.source))
      api.report?.(`left alone: a type test (${typeTest}); --includeTypeTests rewrites it`);
    return file.source;
  }
  return rewriteSource(file.source, file.path, importSource).output;
}

/**
 * jscodeshift's own parser is never asked for an AST here: the transform parses each file itself,
 * choosing TS or TSX by extension (`parserFor`), with the parser the rule runs under.
 */
transform.parser = 'tsx' as const;
transform.parserFor = parserFor;

// `module.exports = transform`, the shape jscodeshift loads; ES modules import it as the default.
export = transform;
