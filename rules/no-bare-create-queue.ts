import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describeHazards } from '../src/pgBossVersion/describeHazards';
import { findInstalledPgBossVersion } from '../src/pgBossVersion/findInstalledPgBossVersion';
import {
  getBareCreateQueueCall,
  mayContainCreateQueue,
  type AnalysisContext,
} from '../src/analysis/getBareCreateQueueCall';
import { getPgBossTypeOracle } from '../src/analysis/pgBossTypeOracle';
import { planSafeCreateQueueRewrite } from '../src/rewrite/planSafeCreateQueueRewrite';
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

/** The pg-boss version installed for a linted file, and what a bare createQueue does on it. */
function describeInstalledPgBoss(filename: string): { version?: string; hazards?: string } {
  const version = findInstalledPgBossVersion(path.resolve(path.dirname(filename)));
  return { version, hazards: version === undefined ? undefined : describeHazards(version) };
}

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
        "`{{receiver}}.createQueue()` does not handle an existing queue: it throws 23505 on pg-boss before 10.1.5, deadlocks (40P01) on 10.x when processes start together, and keeps the first creator's options from 10.0.4 on. Call `safeCreateQueue({{receiver}}, …)` from '{{importSource}}' instead.",
      bareCreateQueueOnVersion:
        "`{{receiver}}.createQueue()` does not handle an existing queue: on pg-boss {{version}} it {{hazards}}. Call `safeCreateQueue({{receiver}}, …)` from '{{importSource}}' instead.",
      useSafeCreateQueue: "Rewrite to `safeCreateQueue({{receiver}}, …)` from '{{importSource}}'.",
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
  create(context, [options]) {
    const source = context.sourceCode;
    if (!mayContainCreateQueue(source.text)) return {};

    const importSource = options.importSource ?? DEFAULT_IMPORT_SOURCE;
    const analysis: AnalysisContext = { source, types: getPgBossTypeOracle(source.parserServices) };
    // Only files with a report pay for this, once.
    let installed: { version?: string; hazards?: string } | undefined;

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const bare = getBareCreateQueueCall(analysis, node);
        if (!bare) return;
        installed ??= describeInstalledPgBoss(context.physicalFilename);
        const { version, hazards } = installed;
        const receiverText = source.getText(bare.receiver);
        const data = {
          receiver:
            receiverText.length > MAX_RECEIVER_LENGTH
              ? `${receiverText.slice(0, MAX_RECEIVER_LENGTH - 1)}…`
              : receiverText,
          importSource,
          version: version ?? '',
          hazards: hazards ?? '',
        };
        const { edits } = planSafeCreateQueueRewrite(source, [bare], importSource);
        const fix: TSESLint.ReportFixFunction | null =
          edits.length > 0 ? (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)) : null;
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
