import { parserFor } from '../src/files/parseSourceFile';
import { rewriteSource } from '../src/rewrite/rewriteSource';
import { DEFAULT_IMPORT_SOURCE } from '../src/runtimeModule';

/** What jscodeshift hands a transform, declared here so that the package needs no jscodeshift types. */
interface FileInfo {
  readonly path: string;
  readonly source: string;
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
 * Option `--importSource=<module>` changes where the helper is imported from.
 */
function transform(file: FileInfo, _api: unknown, options: Options): string {
  const importSource = typeof options.importSource === 'string' ? options.importSource : DEFAULT_IMPORT_SOURCE;
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
