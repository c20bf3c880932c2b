import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../util/isFunctionNode';
import { resolveIdentifier } from '../util/scope';
import { evaluateStatic } from './evaluateStatic';
import { isReachableUnder } from './isReachableUnder';
import { bindPattern, iterationBindings } from './iterationBindings';
import type { CallSite, ProgramCallers } from './programCallers';
import { NO_BINDINGS, NotStaticError, type EvaluationScope, type StaticValue } from './staticValue';

/** Wrappers of wrappers are followed this many calls up; deeper names stay unknown. */
export const MAX_CALL_DEPTH = 6;

/** Calls whose arguments have more combinations of values than this are not enumerated. */
const MAX_COMBINATIONS = 64;

/**
 * How many expressions one queue name may be resolved through, callers of callers included: wrappers
 * called from many places through many layers multiply, and past this the name is unknown.
 */
export const MAX_RESOLUTIONS = 2_000;

/** The resolutions left for one queue name, shared by every caller it is followed to. */
export interface ResolutionBudget {
  left: number;
}

/**
 * One value an expression can hold. `scope` carries the bindings under which it holds (the wrapper's
 * parameters as one caller passes them), `site` the outermost call that made it known, if any: that is
 * where the queue is declared or used, for a person reading the inventory.
 */
export type Outcome =
  | { readonly kind: 'known'; readonly value: StaticValue; readonly scope: EvaluationScope; readonly site?: CallSite }
  /** Not known: `expression` (in `scope`'s file) is what could not be read, `site` where. */
  | {
      readonly kind: 'unknown';
      readonly expression: TSESTree.Node;
      readonly scope: EvaluationScope;
      readonly site?: CallSite;
      /** The parameter that could not be read, when it is one. */
      readonly blockedBy?: TSESLint.Scope.Variable;
    };

/**
 * The values `node` holds: the constant when it is one; when it depends on a parameter of the function
 * around it, one value per call of that function the program makes (followed up to MAX_CALL_DEPTH
 * wrappers). A caller whose argument is not known gives one unknown outcome at that caller, so only its
 * queue stays undecided; a function also reached in a way that cannot be followed gives one at `node`.
 */
export function resolveThroughCallers(
  scope: EvaluationScope,
  node: TSESTree.Node,
  callers: ProgramCallers,
  budget: ResolutionBudget = { left: MAX_RESOLUTIONS },
  chain: readonly FunctionNode[] = [],
): Outcome[] {
  let blocked: TSESTree.Node;
  try {
    return [{ kind: 'known', value: evaluateStatic(scope, node), scope }];
  } catch (error) {
    if (!(error instanceof NotStaticError)) throw error;
    blocked = error.node;
  }
  const parameter = parameterOf(scope, blocked);
  const unknownHere: Outcome = { kind: 'unknown', expression: node, scope, blockedBy: parameter?.variable };
  if (!parameter || chain.includes(parameter.fn) || chain.length >= MAX_CALL_DEPTH) return [unknownHere];
  if (--budget.left < 0) {
    callers.boundReached = true;
    return [unknownHere];
  }
  const found = callers.callersOf(scope.file, scope.source, parameter.fn);
  // Never called here: called from outside the code scanned, with arguments nobody can read.
  if (found.sites.length === 0) return [unknownHere];
  const outcomes: Outcome[] = [];
  const deeper = [...chain, parameter.fn];
  for (const site of found.sites) {
    for (const passed of bindArguments(site, parameter, scope, callers, budget, deeper)) {
      const bound: EvaluationScope = { ...scope, bindings: new Map([...scope.bindings, ...passed.bindings]) };
      for (const outcome of resolveThroughCallers(bound, node, callers, budget, deeper)) {
        // Still blocked by a parameter this caller passes but does not know: unknown at that caller.
        const unknownArgument =
          outcome.kind === 'unknown' && outcome.blockedBy ? passed.unknown.get(outcome.blockedBy) : undefined;
        outcomes.push(
          unknownArgument
            ? { ...unknownArgument, site: unknownArgument.site ?? site }
            : { ...outcome, site: outcome.site ?? passed.site ?? site },
        );
      }
    }
  }
  if (!found.complete) outcomes.push(unknownHere);
  return outcomes;
}

interface PassedArguments {
  /** The callee's parameters bound to what this caller passes. */
  readonly bindings: ReadonlyMap<TSESLint.Scope.Variable, StaticValue>;
  /** Parameters whose argument is not known, with the outcome that says where. */
  readonly unknown: ReadonlyMap<TSESLint.Scope.Variable, Outcome>;
  /** The outermost call that made the arguments known, when they came from the caller's own callers. */
  readonly site?: CallSite;
}

/**
 * One set of parameter values per way the call at `site` can pass its arguments (loops around it, and
 * for the parameter being resolved, the callers of the function the call is in). The other parameters
 * are bound when their argument is a constant there; following every argument to its callers would
 * cost a search per parameter for names that rarely need it.
 */
function bindArguments(
  site: CallSite,
  resolving: { readonly fn: FunctionNode; readonly variable: TSESLint.Scope.Variable },
  calleeScope: EvaluationScope,
  callers: ProgramCallers,
  budget: ResolutionBudget,
  chain: readonly FunctionNode[],
): PassedArguments[] {
  const callerScope: EvaluationScope = {
    modules: calleeScope.modules,
    file: site.file,
    source: site.source,
    bindings: NO_BINDINGS,
  };
  const results: PassedArguments[] = [];
  for (const bindings of iterationBindings(callerScope, site.call)) {
    const scope = { ...callerScope, bindings };
    if (!isReachableUnder(scope, site.call)) continue;
    let combinations: PassedArguments[] = [{ bindings: new Map(), unknown: new Map() }];
    for (const [index, parameter] of resolving.fn.params.entries()) {
      const argument = site.call.arguments[index];
      if (argument?.type === AST_NODE_TYPES.SpreadElement) break;
      const outcomes: Outcome[] = !argument
        ? [{ kind: 'known', value: undefined, scope }]
        : patternVariables(calleeScope, parameter).includes(resolving.variable)
          ? resolveThroughCallers(scope, argument, callers, budget, chain)
          : [evaluateHere(scope, argument)];
      const next: PassedArguments[] = [];
      for (const combination of combinations)
        for (const outcome of outcomes) next.push(withParameter(combination, parameter, outcome, calleeScope));
      if (next.length > MAX_COMBINATIONS) {
        // Too many ways to call it: this call passes names nobody enumerates, unknown at the call.
        callers.boundReached = true;
        const unknown: Outcome = { kind: 'unknown', expression: site.call, scope };
        return [
          {
            bindings: new Map(),
            unknown: new Map(
              resolving.fn.params
                .flatMap((parameter) => patternVariables(calleeScope, parameter))
                .map((variable) => [variable, unknown]),
            ),
          },
        ];
      }
      combinations = next;
    }
    results.push(...combinations);
  }
  return results;
}

function evaluateHere(scope: EvaluationScope, node: TSESTree.Node): Outcome {
  try {
    return { kind: 'known', value: evaluateStatic(scope, node), scope };
  } catch (error) {
    if (!(error instanceof NotStaticError)) throw error;
    return { kind: 'unknown', expression: node, scope };
  }
}

/** `combination` with `parameter` bound to what `outcome` says (a default when the argument is missing). */
function withParameter(
  combination: PassedArguments,
  parameter: TSESTree.Parameter,
  outcome: Outcome,
  calleeScope: EvaluationScope,
): PassedArguments {
  const bindings = new Map(combination.bindings);
  const unknown = new Map(combination.unknown);
  let pattern: TSESTree.Node = parameter;
  let value: StaticValue | undefined;
  let known = outcome.kind === 'known';
  if (outcome.kind === 'known') value = outcome.value;
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) {
    const { left, right } = pattern;
    pattern = left;
    if (known && value === undefined) {
      try {
        value = evaluateStatic(calleeScope, right);
      } catch (error) {
        if (!(error instanceof NotStaticError)) throw error;
        known = false;
      }
    }
  }
  if (known) bindPattern(calleeScope, pattern, value, bindings);
  else for (const variable of patternVariables(calleeScope, pattern)) unknown.set(variable, outcome);
  return { bindings, unknown, site: combination.site ?? outcome.site };
}

/** The variables a parameter pattern declares: `name`, `{ name, options }`, `[name]`, `name = 'x'`. */
function patternVariables(scope: EvaluationScope, pattern: TSESTree.Node): TSESLint.Scope.Variable[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveIdentifier(scope.source, pattern);
      return variable ? [variable] : [];
    }
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) =>
        patternVariables(scope, property.type === AST_NODE_TYPES.Property ? property.value : property.argument),
      );
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element ? patternVariables(scope, element) : []));
    case AST_NODE_TYPES.AssignmentPattern:
      return patternVariables(scope, pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternVariables(scope, pattern.argument);
    default:
      return [];
  }
}

/** The parameter (and its function) that the expression which could not be read refers to, if it is one. */
function parameterOf(
  scope: EvaluationScope,
  blocked: TSESTree.Node,
): { fn: FunctionNode; variable: TSESLint.Scope.Variable } | undefined {
  if (blocked.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveIdentifier(scope.source, blocked);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Parameter' || !isFunctionNode(def.node)) return undefined;
  return { fn: def.node, variable };
}
