import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { getStaticPropertyName, getStaticString } from '../util/getStaticPropertyName';
import { getImportedExport } from '../util/getImportedName';
import { loadedModule } from '../util/loadedModule';
import { isMutated } from './isMutated';
import { resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';
import { walkNodes } from '../util/walkNodes';
import { readModuleExport } from './readModuleExport';
import {
  UnknownPart,
  isOpaque,
  MAX_DEPTH,
  ModuleNamespace,
  NO_BINDINGS,
  NotStaticError,
  type EvaluationScope,
  type StaticValue,
} from './staticValue';

/**
 * The value of `node` when it is a constant: literals, `const`s (also imported from a file of the tree),
 * enums, template literals and `+` of constants, members of constant objects and arrays, object spreads,
 * `Object.keys/values/entries/freeze`, and `readonly` class fields read through `this`. Anything else
 * throws NotStaticError naming the part that is not constant: the caller reports it, never guesses.
 */
export function evaluateStatic(scope: EvaluationScope, node: TSESTree.Node, depth = 0): StaticValue {
  if (depth > MAX_DEPTH) throw new NotStaticError(node);
  const evaluate = (child: TSESTree.Node) => evaluateStatic(scope, child, depth + 1);
  const expression = skipTransparentWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      if (expression.value === null || ['string', 'number', 'boolean'].includes(typeof expression.value))
        return expression.value as string | number | boolean | null;
      throw new NotStaticError(expression);
    case AST_NODE_TYPES.TemplateLiteral:
      return expression.quasis
        .map((quasi, index) => {
          const part = expression.expressions[index];
          return (quasi.value.cooked ?? '') + (part ? toTemplatePart(evaluate(part), part) : '');
        })
        .join('');
    case AST_NODE_TYPES.Identifier:
      return evaluateIdentifier(scope, expression, depth);
    case AST_NODE_TYPES.MemberExpression:
      return evaluateMember(scope, expression, depth);
    case AST_NODE_TYPES.ObjectExpression:
      return evaluateObject(expression, evaluate);
    case AST_NODE_TYPES.ArrayExpression:
      return expression.elements.flatMap((element) => {
        if (element === null) throw new NotStaticError(expression);
        if (element.type !== AST_NODE_TYPES.SpreadElement) return [evaluate(element)];
        const spread = evaluate(element.argument);
        if (!Array.isArray(spread)) throw new NotStaticError(element);
        return spread as StaticValue[];
      });
    case AST_NODE_TYPES.UnaryExpression: {
      const operand = evaluate(expression.argument);
      if (typeof operand === 'number' && expression.operator === '-') return -operand;
      if (typeof operand === 'number' && expression.operator === '+') return operand;
      if (expression.operator === '!' && !isOpaque(operand)) return !operand;
      throw new NotStaticError(expression);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return evaluateBinary(expression, evaluate);
    case AST_NODE_TYPES.LogicalExpression: {
      const left = evaluate(expression.left);
      if (expression.operator === '??') return left ?? evaluate(expression.right);
      if (expression.operator === '||') return left || evaluate(expression.right);
      return left && evaluate(expression.right);
    }
    case AST_NODE_TYPES.CallExpression:
      return evaluateObjectHelper(scope, expression, evaluate);
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return new UnknownPart(expression);
    default:
      throw new NotStaticError(expression);
  }
}

function toTemplatePart(value: StaticValue, node: TSESTree.Node): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new NotStaticError(node);
}

function evaluateIdentifier(scope: EvaluationScope, identifier: TSESTree.Identifier, depth: number): StaticValue {
  const variable = resolveIdentifier(scope.source, identifier);
  if (!variable) {
    if (identifier.name === 'undefined') return undefined;
    throw new NotStaticError(identifier);
  }
  if (scope.bindings.has(variable)) return scope.bindings.get(variable);
  const [def] = variable.defs;
  if (!def || variable.defs.length !== 1) throw new NotStaticError(identifier);
  // A local computed from a loop variable or a parameter keeps their values: bindings name variables, not text.
  const here = (node: TSESTree.Node) => evaluateStatic(scope, node, depth + 1);
  switch (def.type) {
    case 'Variable': {
      const declarator = def.node;
      if (def.parent.kind !== 'const' || !declarator.init) throw new NotStaticError(identifier);
      const loaded = loadedModule(declarator.init);
      if (loaded !== undefined) {
        const module = readLoadedModule(scope, loaded, identifier);
        return declarator.id.type === AST_NODE_TYPES.Identifier
          ? module
          : readMember(scope, module, destructuredKey(declarator.id, def.name, identifier), identifier, depth);
      }
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        const value = here(declarator.init);
        if (value !== null && typeof value === 'object' && isMutated(variable)) throw new NotStaticError(identifier);
        return value;
      }
      return readMember(
        scope,
        here(declarator.init),
        destructuredKey(declarator.id, def.name, identifier),
        identifier,
        depth,
      );
    }
    case 'ImportBinding': {
      const declaration = def.parent;
      if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) throw new NotStaticError(identifier);
      const file = scope.modules.resolve(scope.file, declaration.source.value);
      if (!file) throw new NotStaticError(identifier);
      const specifier = def.node;
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return new ModuleNamespace(file);
      // An imported object changed here is no more constant than one changed where it is declared.
      if (isMutated(variable)) throw new NotStaticError(identifier);
      const imported = getImportedExport(specifier);
      if (imported === undefined) throw new NotStaticError(identifier);
      return readModuleExport(scope.modules, file, imported, identifier, depth + 1);
    }
    case 'TSEnumName':
      return evaluateEnum(def.node, here);
    case 'ClassName':
      if (isMutated(variable)) throw new NotStaticError(identifier);
      return evaluateStaticFields(def.node, here);
    default:
      throw new NotStaticError(identifier);
  }
}

/** `const { EMAILS } = QUEUES` and `const { QUEUES } = require('./queues')`: one level of object pattern. */
function destructuredKey(pattern: TSESTree.Node, name: TSESTree.Node, identifier: TSESTree.Identifier): string {
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.value === name)
        return property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name
          : String(getStaticString(property.key));
    }
  }
  throw new NotStaticError(identifier);
}

function readLoadedModule(scope: EvaluationScope, specifier: string, at: TSESTree.Node): ModuleNamespace {
  const file = scope.modules.resolve(scope.file, specifier);
  if (!file) throw new NotStaticError(at);
  return new ModuleNamespace(file);
}

function evaluateMember(scope: EvaluationScope, member: TSESTree.MemberExpression, depth: number): StaticValue {
  if (member.object.type === AST_NODE_TYPES.ThisExpression) return evaluateInstanceField(scope, member, depth);
  const object = evaluateStatic(scope, member.object, depth + 1);
  if (member.optional && (object === null || object === undefined)) return undefined;
  const key = member.computed ? evaluateStatic(scope, member.property, depth + 1) : getStaticPropertyName(member);
  if (typeof key !== 'string' && typeof key !== 'number') throw new NotStaticError(member.property);
  return readMember(scope, object, String(key), member, depth);
}

function readMember(
  scope: EvaluationScope,
  object: StaticValue,
  key: string,
  at: TSESTree.Node,
  depth: number,
): StaticValue {
  if (object instanceof ModuleNamespace) return readModuleExport(scope.modules, object.file, key, at, depth + 1);
  if (object instanceof UnknownPart) throw new NotStaticError(at);
  if (Array.isArray(object)) {
    if (key === 'length') return object.length;
    if (/^\d+$/.test(key)) return object[Number(key)];
    throw new NotStaticError(at);
  }
  if (object !== null && typeof object === 'object')
    return Object.hasOwn(object, key) ? (object as Record<string, StaticValue>)[key] : undefined;
  throw new NotStaticError(at);
}

/**
 * `this.queueName` where the class declares `private queueName = 'emails'` (or `#queueName`, or a
 * `readonly` field of a class no class of the file extends) and nothing in the file writes it: it holds its
 * initial value for the instance's whole life. Only a string, number or boolean: a list or an object in a
 * field is filled in later (`this.jobs.push(job)`) more often than not.
 */
function evaluateInstanceField(scope: EvaluationScope, member: TSESTree.MemberExpression, depth: number): StaticValue {
  const name = getStaticPropertyName(member);
  if (name === undefined) throw new NotStaticError(member);
  let node: TSESTree.Node | undefined = member.parent;
  while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
  const field = node?.body.find(
    (element): element is TSESTree.PropertyDefinition =>
      element.type === AST_NODE_TYPES.PropertyDefinition &&
      !element.computed &&
      !element.static &&
      getPropertyKeyName(element) === name,
  );
  const owner = node?.parent;
  // A subclass can redeclare a public field with another value; TypeScript forbids that for a private one.
  const fixed =
    field &&
    (field.accessibility === 'private' ||
      field.key.type === AST_NODE_TYPES.PrivateIdentifier ||
      (field.readonly && owner !== undefined && !isExtendedInFile(scope.source, owner)));
  if (!field?.value || !fixed || isWrittenInFile(scope.source, name)) throw new NotStaticError(member);
  const value = evaluateStatic({ ...scope, bindings: NO_BINDINGS }, field.value, depth + 1);
  if (value !== null && typeof value === 'object') throw new NotStaticError(member);
  return value;
}

function isExtendedInFile(source: SourceFile, owner: TSESTree.Node): boolean {
  const name =
    (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) && owner.id
      ? owner.id.name
      : undefined;
  return name === undefined || new RegExp(`\\bextends\\s+${name}\\b`).test(source.text);
}

/** What a file writes to members: their names, or everything when it copies objects onto `this`. */
interface WrittenMembers {
  readonly names: ReadonlySet<string>;
  readonly everything: boolean;
}

const writtenMembersBySource = new WeakMap<SourceFile, WrittenMembers>();

/**
 * Whether the file writes a member of this name anywhere: `this.queueName = …`, `service.queueName++`,
 * `({ queueName: this.queueName } = options)`, or any member when it copies an object onto `this`
 * (`Object.assign(this, options)`). The file is walked once.
 */
function isWrittenInFile(source: SourceFile, name: string): boolean {
  let written = writtenMembersBySource.get(source);
  if (!written) {
    const names = new Set<string>();
    let everything = false;
    walkNodes(source.ast, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression) collectWrittenMembers(node.left, names);
      else if (node.type === AST_NODE_TYPES.UpdateExpression) collectWrittenMembers(node.argument, names);
      else if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        getStaticPropertyName(node.callee) === 'assign' &&
        node.arguments[0]?.type === AST_NODE_TYPES.ThisExpression
      )
        everything = true;
    });
    writtenMembersBySource.set(source, (written = { names, everything }));
  }
  return written.everything || written.names.has(name);
}

function collectWrittenMembers(target: TSESTree.Node, found: Set<string>): void {
  switch (target.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticPropertyName(target);
      if (name !== undefined) found.add(name);
      return;
    }
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of target.properties)
        collectWrittenMembers(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, found);
      return;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of target.elements) if (element) collectWrittenMembers(element, found);
      return;
    case AST_NODE_TYPES.AssignmentPattern:
      collectWrittenMembers(target.left, found);
      return;
    case AST_NODE_TYPES.RestElement:
      collectWrittenMembers(target.argument, found);
      return;
    default:
      return;
  }
}

function evaluateObject(
  object: TSESTree.ObjectExpression,
  evaluate: (node: TSESTree.Node) => StaticValue,
): StaticValue {
  const result: Record<string, StaticValue> = {};
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = evaluate(property.argument);
      if (spread === null || spread === undefined) continue;
      if (typeof spread !== 'object' || Array.isArray(spread) || isOpaque(spread)) throw new NotStaticError(property);
      Object.assign(result, spread);
      continue;
    }
    if (property.kind !== 'init') throw new NotStaticError(property);
    const key = property.computed
      ? evaluate(property.key)
      : property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : (property.key as TSESTree.Literal).value;
    if (typeof key !== 'string' && typeof key !== 'number') throw new NotStaticError(property.key);
    result[String(key)] = property.method ? new UnknownPart(property.value) : evaluate(property.value);
  }
  return result;
}

function evaluateBinary(
  expression: TSESTree.BinaryExpression,
  evaluate: (node: TSESTree.Node) => StaticValue,
): StaticValue {
  const left = evaluate(expression.left);
  const right = evaluate(expression.right);
  if (EQUALITY_OPERATORS.has(expression.operator)) {
    // Primitives only: two objects are equal by identity, which a constant's value does not tell.
    if ((left !== null && typeof left === 'object') || (right !== null && typeof right === 'object'))
      throw new NotStaticError(expression);
    return expression.operator === '===' ? left === right : left !== right;
  }
  if (expression.operator === '+' && (typeof left === 'string' || typeof right === 'string'))
    return toTemplatePart(left, expression.left) + toTemplatePart(right, expression.right);
  if (typeof left !== 'number' || typeof right !== 'number') throw new NotStaticError(expression);
  switch (expression.operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
    default:
      throw new NotStaticError(expression);
  }
}

const EQUALITY_OPERATORS: ReadonlySet<string> = new Set(['===', '!==']);

const OBJECT_HELPERS = new Set(['keys', 'values', 'entries', 'freeze']);

/** `Object.values(QUEUES)` and friends, on the global `Object` only. */
function evaluateObjectHelper(
  scope: EvaluationScope,
  call: TSESTree.CallExpression,
  evaluate: (node: TSESTree.Node) => StaticValue,
): StaticValue {
  const { callee } = call;
  const helper = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
  const [argument] = call.arguments;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.object.type !== AST_NODE_TYPES.Identifier ||
    callee.object.name !== 'Object' ||
    resolveIdentifier(scope.source, callee.object)?.defs.length ||
    !helper ||
    !OBJECT_HELPERS.has(helper) ||
    !argument ||
    argument.type === AST_NODE_TYPES.SpreadElement
  )
    throw new NotStaticError(call);
  const object = evaluate(argument);
  if (object === null || typeof object !== 'object' || isOpaque(object)) throw new NotStaticError(argument);
  if (helper === 'freeze') return object;
  const entries = Object.entries(object);
  if (helper === 'keys') return entries.map(([key]) => key);
  if (helper === 'values') return entries.map(([, value]) => value);
  return entries.map(([key, value]) => [key, value]);
}

/** `static queueName = 'emails'` read as `Worker.queueName`: the class as an object of its static members. */
function evaluateStaticFields(
  declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  evaluate: (node: TSESTree.Node) => StaticValue,
): StaticValue {
  const result: Record<string, StaticValue> = {};
  for (const member of declaration.body.body) {
    if (
      (member.type !== AST_NODE_TYPES.PropertyDefinition && member.type !== AST_NODE_TYPES.MethodDefinition) ||
      !member.static ||
      member.computed
    )
      continue;
    const key = member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : getStaticString(member.key);
    if (key === undefined) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition || !member.value) {
      result[key] = new UnknownPart(member);
      continue;
    }
    try {
      result[key] = evaluate(member.value);
    } catch (error) {
      if (!(error instanceof NotStaticError)) throw error;
      result[key] = new UnknownPart(member);
    }
  }
  return result;
}

/** A TypeScript enum as an object: string members as written, numeric ones counted as TypeScript does. */
function evaluateEnum(
  declaration: TSESTree.TSEnumDeclaration,
  evaluate: (node: TSESTree.Node) => StaticValue,
): StaticValue {
  const result: Record<string, StaticValue> = {};
  let next = 0;
  for (const member of declaration.body.members) {
    const key = member.id.type === AST_NODE_TYPES.Identifier ? member.id.name : getStaticString(member.id);
    if (key === undefined) throw new NotStaticError(member);
    const value = member.initializer ? evaluate(member.initializer) : next;
    if (typeof value === 'number') next = value + 1;
    result[key] = value;
  }
  return result;
}
