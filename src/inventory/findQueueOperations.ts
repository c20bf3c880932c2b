import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { classifyReceiver, isPgBossReceiverBySyntax, isPgBossSubclassThis } from '../analysis/classifyReceiver';
import { getCalledExpression } from '../util/getCalledExpression';
import { getStaticPropertyName } from '../util/getStaticPropertyName';
import { positionAt } from '../util/positions';
import type { SourceFile } from '../util/sourceFile';
import { walkNodes } from '../util/walkNodes';
import { evaluateStatic } from './evaluateStatic';
import { isReachableUnder } from './isReachableUnder';
import { iterationBindings } from './iterationBindings';
import { mayHoldRuntime } from './mayHoldRuntime';
import type { NamePattern } from './namePattern';
import { readNamePattern } from './readNamePattern';
import type { ProgramCallers } from './programCallers';
import { DECLARING_METHODS, USE_METHODS } from './queueMethods';
import { resolveThroughCallers } from './resolveThroughCallers';
import type { RuntimeHelperExports } from './runtimeHelperExports';
import type { StaticJson } from './queueInventory';
import {
  isOpaque,
  ModuleNamespace,
  NotStaticError,
  UnknownPart,
  type EvaluationScope,
  type StaticValue,
} from './staticValue';

/**
 * Where an operation is: the pg-boss call itself, or the call of the wrapper around it that passed the
 * queue's name (`ensureQueue('emails')` in another file), since that is where the name is written.
 */
export interface OperationPosition {
  /** Absolute path. */
  readonly file: string;
  readonly line: number;
  /** Counted from 1, as editors and ESLint's output count it. */
  readonly column: number;
}

/** What one call says about one queue. */
export type QueueOperation =
  | (OperationPosition & {
      readonly kind: 'declaration';
      readonly queue: string;
      readonly options: { readonly [key: string]: StaticJson } | null;
    })
  | (OperationPosition & { readonly kind: 'use'; readonly queue: string; readonly method: string })
  /**
   * A call the inventory cannot fully read: its queue name is not a constant (`reason: 'name'`, `expression`
   * is the name's source text), it is a createQueue on a receiver that may be pg-boss (`'receiver'`,
   * `expression` is the receiver), or a function that may be one of the runtime's helpers (`'callee'`,
   * `expression` is the function called). `pattern` is what is known of the name.
   */
  | (OperationPosition & {
      readonly kind: 'unresolved';
      readonly reason: 'name' | 'receiver' | 'callee';
      readonly method: string;
      readonly expression: string;
      readonly pattern: NamePattern;
    });

const MAX_EXPRESSION_LENGTH = 80;

/**
 * The declarations and uses of queues in one parsed file: calls on what the rule and the codemod
 * recognise as a pg-boss instance (`createQueue` and the methods above), and the runtime helpers
 * `safeCreateQueue(boss, name, options)` / `safeCreateQueues(boss, declarations)`, and `ensureQueue(boss,
 * name, options)` imported from the runtime or from a module of the tree that exports it
 * (RuntimeHelperExports), under its name or another.
 */
export function findQueueOperations(
  scope: EvaluationScope,
  callers: ProgramCallers,
  helpers: RuntimeHelperExports,
): QueueOperation[] {
  const operations: QueueOperation[] = [];
  walkNodes(scope.source.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const { callee } = node;
    // The runtime's helpers are also called as compiled CommonJS calls them: `(0, rt_1.safeCreateQueue)(…)`.
    const called = getCalledExpression(callee);
    const method =
      called.type === AST_NODE_TYPES.MemberExpression
        ? getStaticPropertyName(called)
        : called.type === AST_NODE_TYPES.Identifier
          ? called.name
          : undefined;
    if (method === 'safeCreateQueue' || method === 'safeCreateQueues') {
      operations.push(...readHelperCall(scope, callers, node, method));
      return;
    }
    const helper = helpers.calledHelper(scope.file, scope.source, called);
    if (helper?.certain) {
      operations.push(...readHelperCall(scope, callers, node, helper.name));
      return;
    }
    if (helper) {
      // It may be the runtime's (the codemod's --import-source): its queue is not called undeclared for want of it.
      operations.push(...readPossibleDeclaration(scope, callers, node, called, helper.name));
      return;
    }
    const [first, name] = node.arguments;
    if (
      method === 'ensureQueue' &&
      called.type === AST_NODE_TYPES.MemberExpression &&
      first &&
      name &&
      isPgBossReceiverBySyntax(scope.source, first) &&
      mayHoldRuntime(scope.source, called.object, method) &&
      !helpers.isAppObject(scope.file, scope.source, called.object, method)
    ) {
      // `rt.ensureQueue(boss, 'emails')` on a parameter or an injected object may be the runtime's.
      operations.push(...readPossibleDeclaration(scope, callers, node, called, method));
      return;
    }
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      method === undefined ||
      !(method === 'createQueue' || USE_METHODS.has(method))
    )
      return;
    if (!(isPgBossReceiverBySyntax(scope.source, callee.object) || isPgBossSubclassThis(scope.source, callee.object))) {
      // `queue.createQueue('emails')` on something the syntax cannot place (a factory's result, a namespace
      // type) may be pg-boss: it may declare that queue, so the queue is not called undeclared for want of
      // it. So may `worker.queue.work('emails', handle)` work it (pg-boss's work takes a handler): the queue
      // is not called unworked for want of it.
      const mayBePgBoss =
        method === 'createQueue' ? node.arguments.length > 0 : method === 'work' && node.arguments.length >= 2;
      if (mayBePgBoss && classifyReceiver(scope.source, callee.object) === 'unknown')
        operations.push(unresolved(scope, positionOf(scope, node), method, callee.object, node.arguments[0]!));
      return;
    }
    operations.push(
      ...(method === 'createQueue'
        ? readDeclaration(scope, callers, node, method, 0, 1)
        : readUse(scope, callers, node, method)),
    );
  });
  return operations;
}

function readHelperCall(
  scope: EvaluationScope,
  callers: ProgramCallers,
  call: TSESTree.CallExpression,
  helper: string,
): QueueOperation[] {
  if (helper !== 'safeCreateQueues') return readDeclaration(scope, callers, call, helper, 1, 2);
  const at = positionOf(scope, call);
  const argument = call.arguments[1];
  if (!argument) return [];
  return iterationBindings(scope, call).flatMap((bindings) => {
    const pass = { ...scope, bindings };
    if (!isReachableUnder(pass, call)) return [];
    try {
      return declarationsOf(evaluateStatic(pass, argument), argument).flatMap(({ queue, options }) => {
        const read = toOptions(options);
        return [
          declarationOperation(queue, at, read),
          ...(typeof read?.deadLetter === 'string' ? [use(read.deadLetter, at, 'deadLetter')] : []),
        ];
      });
    } catch (error) {
      if (!(error instanceof NotStaticError)) throw error;
    }
    // An object literal whose names are constants but some options are not: keep the names.
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) return [unresolved(scope, at, helper, argument)];
    return argument.properties.flatMap((property): QueueOperation[] => {
      const key = property.type === AST_NODE_TYPES.Property ? readKey(pass, property) : undefined;
      if (property.type !== AST_NODE_TYPES.Property || key === undefined)
        return [unresolved(scope, at, helper, property)];
      return [
        declarationOperation(key, at, readOptions(pass, property.value)),
        ...readDeadLetterProperty(pass, at, property.value),
      ];
    });
  });
}

/**
 * A call of a function that may be one of the runtime's helpers (`called`): each queue its name can be is
 * undecided, never undeclared for want of it. The name is read as a declaration's is, through loops and
 * the callers of the function around the call; one that cannot be read leaves undecided what it can be.
 */
function readPossibleDeclaration(
  scope: EvaluationScope,
  callers: ProgramCallers,
  call: TSESTree.CallExpression,
  called: TSESTree.Node,
  helper: string,
): QueueOperation[] {
  const name = call.arguments[1];
  if (!name) return [];
  return forEachPass(scope, callers, call, name, helper, (queue, _pass, at) => [
    {
      kind: 'unresolved',
      reason: 'callee',
      ...at,
      method: helper,
      expression: sourceText(scope, called),
      pattern: { kind: 'one-of', names: [queue] },
    },
  ]);
}

function readKey(scope: EvaluationScope, property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  try {
    const key = evaluateStatic(scope, property.key);
    return typeof key === 'string' ? key : undefined;
  } catch (error) {
    if (error instanceof NotStaticError) return undefined;
    throw error;
  }
}

/** `{ name: options, … }` or `[{ name, options }, …]`, as safeCreateQueues takes them. */
function declarationsOf(value: StaticValue, node: TSESTree.Node): Array<{ queue: string; options: StaticValue }> {
  if (Array.isArray(value)) {
    return (value as StaticValue[]).map((entry) => {
      const { name, options } = (entry ?? {}) as Record<string, StaticValue>;
      if (typeof name !== 'string') throw new NotStaticError(node);
      return { queue: name, options };
    });
  }
  if (value === null || typeof value !== 'object' || isOpaque(value)) throw new NotStaticError(node);
  return Object.entries(value).map(([queue, options]) => ({ queue, options }));
}

function readDeclaration(
  scope: EvaluationScope,
  callers: ProgramCallers,
  call: TSESTree.CallExpression,
  method: string,
  nameIndex: number,
  optionsIndex: number,
): QueueOperation[] {
  const name = call.arguments[nameIndex];
  if (!name) return [];
  const options = call.arguments[optionsIndex];
  return forEachPass(scope, callers, call, name, method, (queue, pass, at) => [
    declarationOperation(queue, at, options ? readOptions(pass, options) : {}),
    ...(options ? readDeadLetterProperty(pass, at, options) : []),
  ]);
}

function readUse(
  scope: EvaluationScope,
  callers: ProgramCallers,
  call: TSESTree.CallExpression,
  method: string,
): QueueOperation[] {
  const positions = USE_METHODS.get(method)!;
  let name: TSESTree.Node | undefined = call.arguments[positions.name];
  let options: TSESTree.Node | undefined =
    positions.options === undefined ? undefined : call.arguments[positions.options];
  // send({ name, data, options }) and insert([{ name, data }, …]) (pg-boss 10) carry the name inside.
  if (name?.type === AST_NODE_TYPES.ObjectExpression) {
    options = findProperty(name, 'options');
    name = findProperty(name, 'name');
  } else if (method === 'insert' && name?.type === AST_NODE_TYPES.ArrayExpression) {
    return name.elements.flatMap((element) => {
      const inner = element?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(element, 'name') : element;
      return inner
        ? forEachPass(scope, callers, call, inner, method, (queue, _pass, at) => [use(queue, at, method)])
        : [];
    });
  }
  if (!name) return [];
  return forEachPass(scope, callers, call, name, method, (queue, pass, at) => [
    use(queue, at, method),
    ...(options ? readDeadLetterProperty(pass, at, options) : []),
  ]);
}

/**
 * Reads the queue name once per pass of the loops around the call, and once per caller when it is a
 * wrapper's parameter (`read` gets the bindings and the position of that caller). What cannot be read is
 * reported once per place it could not be read at.
 */
function forEachPass(
  scope: EvaluationScope,
  callers: ProgramCallers,
  call: TSESTree.CallExpression,
  name: TSESTree.Node,
  method: string,
  read: (queue: string, pass: EvaluationScope, at: OperationPosition) => QueueOperation[],
): QueueOperation[] {
  const operations: QueueOperation[] = [];
  const unknown = new Map<string, QueueOperation>();
  for (const bindings of iterationBindings(scope, call)) {
    if (!isReachableUnder({ ...scope, bindings }, call)) continue;
    for (const outcome of resolveThroughCallers({ ...scope, bindings }, name, callers)) {
      const at = outcome.site ? positionOf(outcome.site, outcome.site.call) : positionOf(scope, call);
      if (outcome.kind === 'known' && typeof outcome.value === 'string') {
        operations.push(...read(outcome.value, outcome.scope, at));
        continue;
      }
      const expression = outcome.kind === 'unknown' ? outcome.expression : name;
      const operation = unresolved(outcome.scope, at, method, expression);
      // `send(heavy ? HEAVY : LIGHT)` uses both queues; a declaration of one of two stays unresolved.
      if (!DECLARING_METHODS.has(method) && operation.kind === 'unresolved' && operation.pattern.kind === 'one-of')
        for (const queue of operation.pattern.names) operations.push(...read(queue, outcome.scope, at));
      else unknown.set(`${at.file}:${at.line}:${at.column}`, operation);
    }
  }
  return [...operations, ...unknown.values()];
}

/** The options as JSON, or null when any part of them is not constant (never a partial guess). */
function readOptions(scope: EvaluationScope, node: TSESTree.Node): { [key: string]: StaticJson } | null {
  try {
    return toOptions(evaluateStatic(scope, node));
  } catch (error) {
    if (error instanceof NotStaticError) return null;
    throw error;
  }
}

function toOptions(value: StaticValue): { [key: string]: StaticJson } | null {
  if (value === undefined || value === null) return {};
  const json = toJson(value);
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? json : null;
}

function toJson(value: StaticValue): StaticJson | undefined {
  if (value instanceof ModuleNamespace) return null;
  // Options holding a function are not JSON: not constant, never a partial guess.
  if (value instanceof UnknownPart) throw new NotStaticError(value.node);
  if (Array.isArray(value)) return (value as StaticValue[]).map((item) => toJson(item) ?? null);
  if (value !== null && typeof value === 'object') {
    const result: { [key: string]: StaticJson } = {};
    for (const [key, item] of Object.entries(value)) {
      const json = toJson(item);
      if (json !== undefined) result[key] = json;
    }
    return result;
  }
  return value as StaticJson | undefined;
}

/** `deadLetter` in an options object literal: a use of that queue, read even when other options are not constant. */
function readDeadLetterProperty(
  scope: EvaluationScope,
  at: OperationPosition,
  options: TSESTree.Node,
): QueueOperation[] {
  if (options.type !== AST_NODE_TYPES.ObjectExpression) {
    const value = readOptions(scope, options);
    return typeof value?.deadLetter === 'string' ? [use(value.deadLetter, at, 'deadLetter')] : [];
  }
  const deadLetter = findProperty(options, 'deadLetter');
  if (!deadLetter) {
    // A spread of constant options may carry the dead letter.
    const value = readOptions(scope, options);
    return typeof value?.deadLetter === 'string' ? [use(value.deadLetter, at, 'deadLetter')] : [];
  }
  try {
    const queue = evaluateStatic(scope, deadLetter);
    if (typeof queue === 'string') return [use(queue, at, 'deadLetter')];
    if (queue === null || queue === undefined) return [];
  } catch (error) {
    if (!(error instanceof NotStaticError)) throw error;
  }
  return [unresolved(scope, at, 'deadLetter', deadLetter)];
}

function findProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === key
    )
      return property.value;
  }
  return undefined;
}

function declarationOperation(
  queue: string,
  at: OperationPosition,
  options: { [key: string]: StaticJson } | null,
): QueueOperation {
  return { kind: 'declaration', queue, ...at, options };
}

function use(queue: string, at: OperationPosition, method: string): QueueOperation {
  return { kind: 'use', queue, ...at, method };
}

/** `expression` is read in `scope`, the file it is written in (a wrapper's caller, perhaps). */
function unresolved(
  scope: EvaluationScope,
  at: OperationPosition,
  method: string,
  expression: TSESTree.Node,
  /** For a receiver that may be pg-boss: the name it is given. */
  name?: TSESTree.Node,
): QueueOperation {
  return {
    kind: 'unresolved',
    reason: name ? 'receiver' : 'name',
    ...at,
    method,
    expression: sourceText(scope, expression),
    pattern: readNamePattern(scope, name ?? expression),
  };
}

/** An expression's source text on one line, shortened for a message. */
function sourceText(scope: EvaluationScope, expression: TSESTree.Node): string {
  const text = scope.source.text.slice(expression.range[0], expression.range[1]).replace(/\s+/g, ' ');
  return text.length > MAX_EXPRESSION_LENGTH ? `${text.slice(0, MAX_EXPRESSION_LENGTH - 1)}…` : text;
}

/** Where a call starts, in the file `scope` names. */
function positionOf(
  { file, source }: { readonly file: string; readonly source: SourceFile },
  call: TSESTree.CallExpression,
): OperationPosition {
  const { line, column } = positionAt(source, call.range[0]);
  return { file, line, column: column + 1 };
}
