import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { getStaticPropertyName, getStaticString } from '../util/getStaticPropertyName';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { getReturnedExpression } from '../util/getReturnedExpression';
import { isFunctionNode, type FunctionNode } from '../util/isFunctionNode';
import { getSingleAssignedValue, resolveIdentifier, resolveLocalFunction } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';
import { evaluateCondition, type Truth } from './evaluateCondition';

type Variable = TSESLint.Scope.Variable;

/** PostgreSQL's unique_violation: what pg-boss 10.0.0–10.1.4 databases throw for an existing queue. */
const UNIQUE_VIOLATION = '23505';
const DUPLICATE_MESSAGE = /already exists|duplicate key/i;
/** Predicates in the same file are followed this deep (`isDuplicate(e)` calling `isPgError(e, '23505')`). */
const MAX_PREDICATE_DEPTH = 2;

/**
 * Whether a rejection of the call reaches a handler that lets the duplicate-queue error go and
 * rethrows every other: `try { await call } catch (e) { … }` without a function boundary in between
 * (or an awaited `Promise.all` over a `map` that returns the call), or `call.catch(handler)`.
 * The handler is read branch by branch, once for a duplicate and once for any other error: the
 * duplicate is recognised by the error's `code` compared with '23505' (directly, through a constant,
 * destructuring, a cast, `switch`, or a predicate function in this file) or by its message ('already
 * exists', 'duplicate key'). A handler that only logs would also swallow connection errors, and one
 * that rethrows only the duplicate swallows all the rest, so neither counts.
 */
export function isGuardedByDuplicateHandling(source: SourceFile, call: TSESTree.Node): boolean {
  const outer = call.parent?.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
  const handler = getCatchHandler(outer);
  if (handler) {
    const fn = resolveLocalFunction(source, handler);
    return fn !== undefined && functionGuards(source, fn, 0);
  }
  const awaited = findAwait(outer);
  const catchClause = awaited && findEnclosingCatch(awaited);
  return (
    catchClause != null && catchClause.param != null && handlerGuards(source, catchClause.body, catchClause.param, 0)
  );
}

/** `call.catch(handler)` → handler. */
function getCatchHandler(node: TSESTree.Node): TSESTree.Node | undefined {
  const member = node.parent;
  if (
    member?.type !== AST_NODE_TYPES.MemberExpression ||
    member.object !== node ||
    getStaticPropertyName(member) !== 'catch'
  )
    return undefined;
  const catchCall = member.parent;
  return catchCall?.type === AST_NODE_TYPES.CallExpression && catchCall.callee === member
    ? catchCall.arguments[0]
    : undefined;
}

/**
 * The `await` that receives the call's rejection: `await call`, or `await Promise.all(list.map((x) => call))`,
 * whose rejection is the first of its calls'. A call merely started in a callback (`forEach`) has none.
 */
function findAwait(node: TSESTree.Node): TSESTree.AwaitExpression | undefined {
  let current = node;
  while (current.parent && skipTransparentWrappers(current.parent) === current) current = current.parent;
  const combined = findPromiseCombinator(current);
  if (combined) return findAwait(combined);
  return current.parent?.type === AST_NODE_TYPES.AwaitExpression ? current.parent : undefined;
}

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);

/** `Promise.all(list.map((x) => call))` when `node` is the call the mapper returns. */
function findPromiseCombinator(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const mapper = node.parent;
  if (mapper?.type !== AST_NODE_TYPES.ArrowFunctionExpression || mapper.body !== node) return undefined;
  const map = mapper.parent;
  if (
    map?.type !== AST_NODE_TYPES.CallExpression ||
    map.arguments[0] !== mapper ||
    map.callee.type !== AST_NODE_TYPES.MemberExpression
  )
    return undefined;
  if (getStaticPropertyName(map.callee) !== 'map') return undefined;
  const combinator = map.parent;
  if (
    combinator?.type !== AST_NODE_TYPES.CallExpression ||
    combinator.arguments[0] !== map ||
    combinator.callee.type !== AST_NODE_TYPES.MemberExpression
  )
    return undefined;
  const { object } = combinator.callee;
  const isPromise = object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise';
  return isPromise && PROMISE_COMBINATORS.has(getStaticPropertyName(combinator.callee) ?? '') ? combinator : undefined;
}

function findEnclosingCatch(node: TSESTree.Node): TSESTree.CatchClause | null | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && child === current.block) return current.handler;
  }
  return undefined;
}

function functionGuards(source: SourceFile, fn: FunctionNode, depth: number): boolean {
  const [parameter] = fn.params;
  return parameter !== undefined && handlerGuards(source, fn.body, parameter, depth);
}

/** Which error the handler is read for: pg-boss's duplicate-queue error, or any other. */
type Scenario = 'duplicate' | 'other';

/** How running a piece of the handler can end: on, by a `throw` (or a returned rejection), by `return`/`continue`, or by `break`. */
type Completion = 'normal' | 'throw' | 'exit' | 'break';

/**
 * Whether the handler rethrows every other error and lets the duplicate go. A test the reader cannot
 * decide sends each error down both of its branches, so the completions are every way the handler may
 * end: another error must end in a throw on all of them, whatever the unknown tests say, and the
 * duplicate must have a way out that is not a throw. Since the other error throws on every path, the
 * duplicate's way out can only come from a test that recognised it: an unknown test alone (`ignorable(e)
 * || e.code === '23505'` for another error) never counts as handling.
 */
function handlerGuards(source: SourceFile, body: TSESTree.Node, parameter: TSESTree.Parameter, depth: number): boolean {
  const reader = new HandlerReader(source, parameter, depth);
  const other = reader.completions(body, 'other');
  if (other.size !== 1 || !other.has('throw')) return false;
  const duplicate = reader.completions(body, 'duplicate');
  return [...duplicate].some((completion) => completion !== 'throw');
}

/** Reads a handler's statements for the completions each scenario can reach, with the error it binds. */
class HandlerReader {
  private readonly errorVariables = new Set<Variable>();
  private readonly codeVariables = new Set<Variable>();

  constructor(
    private readonly source: SourceFile,
    parameter: TSESTree.Node,
    private readonly depth: number,
  ) {
    this.bindErrorPattern(parameter);
  }

  completions(node: TSESTree.Node, scenario: Scenario): Set<Completion> {
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.StaticBlock:
        return this.sequence(node.body, scenario);
      case AST_NODE_TYPES.IfStatement: {
        const test = this.truth(node.test, scenario);
        const consequent = () => this.completions(node.consequent, scenario);
        const alternate = () =>
          node.alternate ? this.completions(node.alternate, scenario) : new Set(['normal'] as const);
        if (test === true) return consequent();
        if (test === false) return alternate();
        return union(consequent(), alternate());
      }
      case AST_NODE_TYPES.ThrowStatement:
        return new Set(['throw']);
      case AST_NODE_TYPES.ReturnStatement: {
        if (!node.argument) return new Set(['exit']);
        const returned = this.completions(node.argument, scenario);
        return new Set([...returned].map((completion) => (completion === 'normal' ? 'exit' : completion)));
      }
      case AST_NODE_TYPES.BreakStatement:
        return new Set([node.label ? 'exit' : 'break']);
      case AST_NODE_TYPES.ContinueStatement:
        return new Set(['exit']);
      case AST_NODE_TYPES.SwitchStatement:
        return this.switchCompletions(node, scenario);
      case AST_NODE_TYPES.TryStatement:
        return union(
          this.completions(node.block, scenario),
          node.handler ? this.completions(node.handler.body, scenario) : new Set(),
        );
      case AST_NODE_TYPES.ConditionalExpression: {
        const test = this.truth(node.test, scenario);
        if (test === true) return this.completions(node.consequent, scenario);
        if (test === false) return this.completions(node.alternate, scenario);
        return union(this.completions(node.consequent, scenario), this.completions(node.alternate, scenario));
      }
      case AST_NODE_TYPES.CallExpression:
        // Reached only as a returned value or an arrow's body: `Promise.reject(error)` there rethrows.
        return new Set([isPromiseReject(node) ? 'throw' : 'normal']);
      default:
        return new Set(['normal']);
    }
  }

  private sequence(statements: readonly TSESTree.Node[], scenario: Scenario): Set<Completion> {
    const ends = new Set<Completion>();
    for (const statement of statements) {
      const completions = this.completions(statement, scenario);
      for (const completion of completions) if (completion !== 'normal') ends.add(completion);
      if (!completions.has('normal')) return ends;
    }
    ends.add('normal');
    return ends;
  }

  /**
   * `switch (error.code)`: a duplicate enters at `case '23505'` (else at `default`), another error at
   * any other case or `default` (or skips the switch without one); both fall through until `break`.
   */
  private switchCompletions(node: TSESTree.SwitchStatement, scenario: Scenario): Set<Completion> {
    const byCode = this.isCode(node.discriminant);
    const isDuplicateCase = (branch: TSESTree.SwitchCase) =>
      byCode && branch.test != null && isUniqueViolation(this.source, branch.test);
    const defaultIndex = node.cases.findIndex((branch) => branch.test == null);
    let entries: number[];
    if (!byCode) entries = node.cases.map((_, index) => index);
    else if (scenario === 'duplicate') {
      const index = node.cases.findIndex(isDuplicateCase);
      entries = [index >= 0 ? index : defaultIndex];
    } else entries = node.cases.flatMap((branch, index) => (isDuplicateCase(branch) ? [] : [index]));
    const ends = new Set<Completion>();
    if (entries.includes(-1) || defaultIndex < 0) ends.add('normal');
    for (const entry of entries.filter((index) => index >= 0)) {
      const fallthrough = node.cases.slice(entry).flatMap((branch) => branch.consequent);
      for (const completion of this.sequence(fallthrough, scenario))
        ends.add(completion === 'break' ? 'normal' : completion);
    }
    return ends;
  }

  /** What a condition evaluates to for the scenario's error, with what it cannot read unknown. */
  private truth(node: TSESTree.Node, scenario: Scenario): Truth {
    return evaluateCondition(node, (leaf) => this.leafTruth(leaf, scenario));
  }

  private leafTruth(leaf: TSESTree.Node, scenario: Scenario): Truth {
    switch (leaf.type) {
      case AST_NODE_TYPES.BinaryExpression:
        return this.comparisonTruth(leaf, scenario === 'duplicate');
      case AST_NODE_TYPES.CallExpression:
        if (isDuplicateMessageSearch(leaf)) return scenario === 'duplicate';
        return this.predicateTruth(leaf, scenario);
      case AST_NODE_TYPES.Identifier: {
        // `const isDuplicate = error.code === '23505'`.
        const variable = resolveIdentifier(this.source, leaf);
        const value = variable ? getSingleAssignedValue(variable) : undefined;
        return value && !isFunctionNode(value) ? this.truth(value, scenario) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** `code === '23505'`, `message !== 'queue already exists'`, `message.indexOf('duplicate key') >= 0`. */
  private comparisonTruth(node: TSESTree.BinaryExpression, isDuplicate: boolean): Truth {
    const { left, right, operator } = node;
    if (['===', '==', '!==', '!='].includes(operator)) {
      const equal = operator === '===' || operator === '==';
      const matches =
        (this.isCode(left) && isUniqueViolation(this.source, right)) ||
        (this.isCode(right) && isUniqueViolation(this.source, left)) ||
        isDuplicateMessage(left) ||
        isDuplicateMessage(right);
      if (matches) return equal === isDuplicate;
    }
    if (isDuplicateMessageSearch(skipTransparentWrappers(left)) && isNumber(right)) {
      // indexOf/search: -1 when absent.
      const found = { '!==': -1, '!=': -1, '>': -1, '>=': 0 }[operator as string];
      const absent = { '===': -1, '==': -1, '<': 0 }[operator as string];
      if (found !== undefined && numberValue(right) === found) return isDuplicate;
      if (absent !== undefined && numberValue(right) === absent) return !isDuplicate;
    }
    return undefined;
  }

  /** `isUniqueViolation(error)`: a function of this file, read with the error bound to the parameter it gets. */
  private predicateTruth(call: TSESTree.CallExpression, scenario: Scenario): Truth {
    if (this.depth >= MAX_PREDICATE_DEPTH) return undefined;
    const index = call.arguments.findIndex((argument) => this.isError(argument));
    const fn = index < 0 ? undefined : resolveLocalFunction(this.source, call.callee);
    const parameter = fn?.params[index];
    const returned = fn && getReturnedExpression(fn);
    if (!parameter || !returned) return undefined;
    return new HandlerReader(this.source, parameter, this.depth + 1).truth(returned, scenario);
  }

  private isError(node: TSESTree.Node): boolean {
    const expression = skipTransparentWrappers(node);
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = resolveIdentifier(this.source, expression);
    if (!variable) return false;
    if (this.errorVariables.has(variable)) return true;
    const value = getSingleAssignedValue(variable);
    return value !== undefined && this.isError(value);
  }

  /** `error.code`, `code` from `({ code })` or `const { code } = error`, or a variable holding one. */
  private isCode(node: TSESTree.Node): boolean {
    const expression = skipTransparentWrappers(node);
    if (expression.type === AST_NODE_TYPES.MemberExpression)
      return getStaticPropertyName(expression) === 'code' && this.isError(expression.object);
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = resolveIdentifier(this.source, expression);
    if (!variable) return false;
    if (this.codeVariables.has(variable) || this.isDestructuredCode(variable)) return true;
    const value = getSingleAssignedValue(variable);
    return value !== undefined && this.isCode(value);
  }

  /** Records the variables a catch or handler parameter binds: `e`, or `code` from `({ code })`. */
  private bindErrorPattern(parameter: TSESTree.Node): void {
    const target = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveIdentifier(this.source, target);
      if (variable) this.errorVariables.add(variable);
    } else if (target.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of target.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        const variable =
          getPropertyKeyName(property) === 'code' ? resolveIdentifier(this.source, property.value) : null;
        if (variable) this.codeVariables.add(variable);
      }
    }
  }

  /** `const { code } = err`. */
  private isDestructuredCode(variable: Variable): boolean {
    return variable.defs.some((def) => {
      const declarator = def.node;
      if (
        declarator.type !== AST_NODE_TYPES.VariableDeclarator ||
        declarator.id.type !== AST_NODE_TYPES.ObjectPattern ||
        !declarator.init ||
        !this.isError(declarator.init)
      )
        return false;
      return declarator.id.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          property.value === def.name &&
          getPropertyKeyName(property) === 'code',
      );
    });
  }
}

function union<T>(a: Set<T>, b: Set<T>): Set<T> {
  return new Set([...a, ...b]);
}

/** '23505', or a constant holding it. */
function isUniqueViolation(source: SourceFile, node: TSESTree.Node): boolean {
  const expression = skipTransparentWrappers(node);
  if (getStaticString(expression) === UNIQUE_VIOLATION) return true;
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(source, expression);
  const value = variable ? getSingleAssignedValue(variable) : undefined;
  return value !== undefined && getStaticString(skipTransparentWrappers(value)) === UNIQUE_VIOLATION;
}

/** A string or regular expression literal that names the duplicate ('already exists', /duplicate key/). */
function isDuplicateMessage(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.Literal) return false;
  if ('regex' in node && node.regex) return DUPLICATE_MESSAGE.test(node.regex.pattern);
  return typeof node.value === 'string' && DUPLICATE_MESSAGE.test(node.value);
}

/** `message.includes('already exists')`, `/duplicate key/.test(message)`, `message.indexOf('already exists')`. */
function isDuplicateMessageSearch(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  return isDuplicateMessage(node.arguments[0]) || isDuplicateMessage(skipTransparentWrappers(node.callee.object));
}

function isNumber(node: TSESTree.Node): boolean {
  return numberValue(node) !== undefined;
}

/** `0`, `-1`. */
function numberValue(node: TSESTree.Node): number | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number') return node.value;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-') {
    const inner = numberValue(node.argument);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

function isPromiseReject(call: TSESTree.CallExpression): boolean {
  return (
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    call.callee.object.type === AST_NODE_TYPES.Identifier &&
    call.callee.object.name === 'Promise' &&
    getStaticPropertyName(call.callee) === 'reject'
  );
}
