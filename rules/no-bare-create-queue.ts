import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describeHazards } from '../src/pgBossVersion/describeHazards';
import { findInstalledPgBossVersion } from '../src/pgBossVersion/findInstalledPgBossVersion';
import { getBareCreateQueueCall, type AnalysisContext } from '../src/analysis/getBareCreateQueueCall';
import { readPgBossSettings } from '../src/analysis/pgBossSettings';
import { getPgBossTypeOracle } from '../src/analysis/pgBossTypeOracle';
import { chooseHelper } from '../src/rewrite/chooseHelper';
import { planSafeCreateQueueRewrite } from '../src/rewrite/planSafeCreateQueueRewrite';
import type { TextEdit } from '../src/rewrite/textEdit';
import { DEFAULT_IMPORT_SOURCE } from '../src/runtimeModule';
import { createRule } from '../src/util/createRule';

export type Options = [
  {
    importSource?: string;
    autofix?: boolean;
  },
];
export type MessageIds = 'bareCreateQueue' | 'bareCreateQueueOnVersion' | 'useSafeCreateQueue';

/** Long receivers are cut in messages; the report's range shows the whole call. */
const MAX_RECEIVER_LENGTH = 40;

/**
 * How many reports of a file carry a fix that also adds the helpers' import. ESLint turns a fix's edits
 * into one replacement of everything between them, so each such fix holds the file's text from the
 * import to its call: on every report of a file with thousands of calls, `eslint -f json` output grows
 * with the square of the call count until the heap runs out. Once the import is there (one suggestion
 * applied, or the first pass of `eslint --fix`), every call's fix is its own few characters.
 */
export const MAX_IMPORTING_FIXES = 10;

export default createRule<Options, MessageIds>({
  name: 'no-bare-create-queue',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require pg-boss `createQueue` calls to handle a queue that already exists',
      recommended: true,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      bareCreateQueue:
        "`{{receiver}}.createQueue()` on an existing queue throws, deadlocks or ignores its options, by pg-boss version. Use `{{helper}}({{receiver}}, …)` from '{{importSource}}'.",
      bareCreateQueueOnVersion:
        "`{{receiver}}.createQueue()` on an existing queue {{hazards}} (pg-boss {{version}}). Use `{{helper}}({{receiver}}, …)` from '{{importSource}}'.",
      useSafeCreateQueue: "Rewrite to `{{helper}}({{receiver}}, …)` from '{{importSource}}'.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          importSource: {
            type: 'string',
            minLength: 1,
            description: 'Module the quick fix imports `safeCreateQueue` from, e.g. a wrapper of your own.',
          },
          autofix: {
            type: 'boolean',
            description: 'Offer the rewrite as a fix that `eslint --fix` applies, instead of an editor suggestion.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ importSource: DEFAULT_IMPORT_SOURCE, autofix: false }],
  },
  create(context, withDefaults) {
    // Only files with a candidate call pay for these, once each: `create` runs for every file and ESLint
    // times it with the rule, so it reads nothing of the file (see createRule).
    let options: Options[0] | undefined;
    let analysis: AnalysisContext | undefined;
    let version: { installed: string | undefined } | undefined;
    let importingFixes = 0;

    return {
      /**
       * The calls that can be `createQueue` calls, as the cheapest selector rule would find them
       * (`a.createQueue()`, `a['createQueue']()`): ESLint matches them while it walks, so other files cost
       * the rule nothing. The selector is written as the key, not a computed `[constant]`: a computed key
       * names the method at run time, several microseconds of every file's `create`.
       */
      'CallExpression[callee.property.name="createQueue"], CallExpression[callee.property.value="createQueue"]'(
        node: TSESTree.CallExpression,
      ) {
        const source = context.sourceCode;
        analysis ??= {
          source,
          types: getPgBossTypeOracle(source.parserServices),
          settings: readPgBossSettings(context.settings),
        };
        const bare = getBareCreateQueueCall(analysis, node);
        if (!bare) return;
        options ??= withDefaults(context)[0];
        const importSource = options.importSource ?? DEFAULT_IMPORT_SOURCE;
        version ??= { installed: findInstalledPgBossVersion(path.resolve(context.physicalFilename)) };
        const hazards =
          version.installed === undefined ? undefined : describeHazards(version.installed, node.arguments.length > 1);
        const receiverText = getReceiverText(source, bare.call);
        const { edits, rewritten } = planSafeCreateQueueRewrite(source, [bare], importSource);
        // One object for the message and the suggestion: both name the helper the rewrite inserts.
        const data = {
          receiver:
            receiverText.length > MAX_RECEIVER_LENGTH
              ? `${receiverText.slice(0, MAX_RECEIVER_LENGTH - 1)}…`
              : receiverText,
          helper: rewritten[0]?.helper ?? chooseHelper(bare.call),
          importSource,
          version: version.installed ?? '',
          hazards: hazards ?? '',
        };
        const importing = reachesOutside(edits, bare.chain ?? bare.call);
        const offered = edits.length > 0 && (!importing || importingFixes++ < MAX_IMPORTING_FIXES);
        // A text edit is already what ESLint takes as a fix: a range and its replacement.
        const fix: TSESLint.ReportFixFunction | null = offered ? () => edits : null;
        context.report({
          node,
          messageId: hazards ? 'bareCreateQueueOnVersion' : 'bareCreateQueue',
          data,
          fix: options.autofix ? fix : null,
          suggest: !options.autofix && fix ? [{ messageId: 'useSafeCreateQueue', data, fix }] : [],
        });
      },
    };
  },
});

/** Whether a fix edits code outside the rewritten call: the helpers' import. */
function reachesOutside(edits: readonly TextEdit[], rewritten: TSESTree.Node): boolean {
  return edits.some((edit) => edit.range[0] < rewritten.range[0] || edit.range[1] > rewritten.range[1]);
}

/** The receiver as written, parentheses included: `(await getBoss())` in `(await getBoss()).createQueue()`. */
function getReceiverText(source: TSESLint.SourceCode, call: TSESTree.CallExpression): string {
  const callee = call.callee as TSESTree.MemberExpression;
  const beforeProperty = source.getTokenBefore(callee.property)!;
  // `boss['createQueue']` and `boss?.['createQueue']`: the bracket comes after the optional `?.`.
  const end =
    callee.computed && callee.optional ? source.getTokenBefore(beforeProperty)!.range[0] : beforeProperty.range[0];
  return source.text.slice(callee.range[0], end).trim();
}
