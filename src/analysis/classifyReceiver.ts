import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import type { TSESLint } from '@typescript-eslint/utils';
import { getInteropRequire } from '../util/getInteropRequire';
import { getPropertyKeyName } from '../util/getPropertyKeyName';
import { getStaticPropertyName } from '../util/getStaticPropertyName';
import { isFunctionNode } from '../util/isFunctionNode';
import { isRequireCall } from '../util/isRequireCall';
import { resolveIdentifier } from '../util/scope';
import { skipTransparentWrappers } from '../util/skipTransparentWrappers';
import type { SourceFile } from '../util/sourceFile';
import { walkNodes } from '../util/walkNodes';
import { findReturnTypes } from './findReturnTypes';
import { classifyPgBossBinding, isPgBossClassMember, PG_BOSS_CLASS } from './pgBossImports';
import { DEFAULT_SETTINGS, type PgBossSettings } from './pgBossSettings';

/**
 * What the syntax proves a receiver is: a pg-boss instance, something else, or unknown (then its
 * name decides). "Something else" needs proof — an object literal, an inline object type, a class of
 * this file that does not extend pg-boss, a class or type imported under a name with nothing of
 * pg-boss in it — because a rule that wrongly decides "not pg-boss" stays silent where it matters.
 */
export type ReceiverKind = 'pg-boss' | 'other' | 'unknown';

/** Aliases are followed this far; deeper chains are unusual and treated as unknown. */
const MAX_DEPTH = 5;

const BOSS_NAME = /boss/i;

interface Classifier {
  readonly source: SourceFile;
  readonly settings: PgBossSettings;
}

/**
 * The untyped answer to "is this expression a pg-boss instance?": what the syntax proves, else
 * whether its last name says boss (`boss`, `pgBoss`, `this.#boss`, `services.jobBoss`).
 */
export function isPgBossReceiverBySyntax(
  source: SourceFile,
  node: TSESTree.Node,
  settings: PgBossSettings = DEFAULT_SETTINGS,
): boolean {
  const kind = classifyReceiver(source, node, settings);
  if (kind !== 'unknown') return kind === 'pg-boss';
  const name = getLastName(skipTransparentWrappers(node));
  return name !== undefined && BOSS_NAME.test(name);
}

/**
 * `this` inside a class that extends pg-boss (`class QueueService extends PgBoss`): its methods are
 * pg-boss's. The rule leaves such calls alone (the class owns its createQueue); the inventory reads them.
 */
export function isPgBossSubclassThis(source: SourceFile, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.ThisExpression) return false;
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      const { superClass } = current.parent;
      return superClass !== null && classifyClass({ source, settings: DEFAULT_SETTINGS }, superClass, 0) === 'pg-boss';
    }
    // A function of its own (not a method, not an arrow) has a `this` of its own.
    if (
      (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition
    )
      return false;
  }
  return false;
}

/** What the syntax proves `node` is, without looking at its name. */
export function classifyReceiver(
  source: SourceFile,
  node: TSESTree.Node,
  settings: PgBossSettings = DEFAULT_SETTINGS,
): ReceiverKind {
  return classifyExpression({ source, settings }, node, 0);
}

/**
 * The verdict on a receiver, remembered per parsed file and settings for what it reads: a variable
 * (`boss`), or a field of a class (`this.boss`). A file calls `createQueue` many times on the same
 * instance, and each verdict follows its declarations, annotations and assignments through the file.
 */
function remember(
  classifier: Classifier,
  target: TSESLint.Scope.Variable | TSESTree.ClassBody,
  name: string,
  classify: () => ReceiverKind,
): ReceiverKind {
  let byTarget = verdicts.get(classifier.settings);
  if (!byTarget) verdicts.set(classifier.settings, (byTarget = new WeakMap()));
  let byName = byTarget.get(target);
  if (!byName) byTarget.set(target, (byName = new Map()));
  let kind = byName.get(name);
  if (kind === undefined) byName.set(name, (kind = classify()));
  return kind;
}

/** Per settings, per variable or class body (both belong to one parse), per name read from it. */
const verdicts = new WeakMap<
  PgBossSettings,
  WeakMap<TSESLint.Scope.Variable | TSESTree.ClassBody, Map<string, ReceiverKind>>
>();

/** `boss` → boss, `this.#boss` → #boss, `services.pgBoss` → pgBoss, `(await boss)` → boss; calls have none. */
function getLastName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.AwaitExpression) return getLastName(skipTransparentWrappers(node.argument));
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(node);
  return undefined;
}

/** One verdict from several pieces of evidence: any pg-boss wins, "other" needs every piece to agree. */
function combine(kinds: readonly ReceiverKind[]): ReceiverKind {
  if (kinds.includes('pg-boss')) return 'pg-boss';
  return kinds.length > 0 && kinds.every((kind) => kind === 'other') ? 'other' : 'unknown';
}

/** For a class or type imported from another module: `PgBoss` is pg-boss, a name without boss is not. */
function classifyImportedName(...names: readonly string[]): ReceiverKind {
  if (names.includes(PG_BOSS_CLASS)) return 'pg-boss';
  return names.some((name) => BOSS_NAME.test(name)) ? 'unknown' : 'other';
}

function classifyExpression(classifier: Classifier, node: TSESTree.Node, depth: number): ReceiverKind {
  if (depth > MAX_DEPTH) return 'unknown';
  const expression = skipTransparentWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.AwaitExpression:
      // An awaited instance, or the promise a getter returns (`(await getBoss()).createQueue`).
      return classifyExpression(classifier, expression.argument, depth + 1);
    case AST_NODE_TYPES.NewExpression:
      return classifyClass(classifier, expression.callee, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      // What a function of this file declares it returns, else what its name says.
      const types = findReturnTypes(classifier.source, expression);
      const declared = types ? combine(types.map((type) => classifyType(classifier, type, depth + 1))) : 'unknown';
      if (declared !== 'unknown') return declared;
      return isBossGetter(expression.callee) ? 'pg-boss' : 'unknown';
    }
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ThisExpression:
      // A literal of the app's own; `this.createQueue(…)` is a class's own method.
      return 'other';
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveIdentifier(classifier.source, expression);
      if (!variable) return 'unknown';
      // The receiver itself (`boss.createQueue`): every call on it in the file gets the same answer.
      return depth === 0
        ? remember(classifier, variable, '', () => classifyVariable(classifier, variable, 1))
        : classifyVariable(classifier, variable, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression:
      return expression.object.type === AST_NODE_TYPES.ThisExpression
        ? classifyClassMember(classifier, expression, depth + 1)
        : classifyStaticMember(classifier, expression, depth + 1);
    default:
      return 'unknown';
  }
}

/** `getBoss()`, `initPgBoss()`, `this.jobs.getBoss()`: a function named for what it returns. */
function isBossGetter(callee: TSESTree.Node): boolean {
  const name = getLastName(skipTransparentWrappers(callee));
  return name !== undefined && BOSS_NAME.test(name);
}

/** What instances of a class reference are: `PgBoss`, `pgBoss.PgBoss`, `pg_boss_1.default`, a class of this file. */
function classifyClass(classifier: Classifier, callee: TSESTree.Node, depth: number): ReceiverKind {
  const expression = skipTransparentWrappers(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveIdentifier(classifier.source, expression);
    return variable ? classifyDeclaredType(classifier, variable, depth) : 'unknown';
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTransparentWrappers(expression.object);
    const variable = object.type === AST_NODE_TYPES.Identifier ? resolveIdentifier(classifier.source, object) : null;
    const binding = variable ? classifyPgBossBinding(variable, classifier.settings) : undefined;
    const isPgBoss =
      isPgBossClassMember(expression, binding, classifier.settings) ||
      getStaticPropertyName(expression) === PG_BOSS_CLASS;
    return isPgBoss ? 'pg-boss' : 'unknown';
  }
  return 'unknown';
}

/**
 * What a class, interface or type alias names, from its declaration: imported from pg-boss or under
 * the name `PgBoss`, declared here (and extending pg-boss or not), or imported under another name.
 */
function classifyDeclaredType(classifier: Classifier, variable: TSESLint.Scope.Variable, depth: number): ReceiverKind {
  if (depth > MAX_DEPTH) return 'unknown';
  const binding = classifyPgBossBinding(variable, classifier.settings);
  if (binding === 'class') return 'pg-boss';
  if (binding !== undefined) return 'other';
  const [def] = variable.defs;
  switch (def?.type) {
    case DefinitionType.ImportBinding: {
      const specifier = def.node;
      const imported =
        specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier
          ? specifier.imported.name
          : variable.name;
      return classifyImportedName(imported, variable.name);
    }
    case DefinitionType.ClassName: {
      const declaration = def.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
      return declaration.superClass ? classifyClass(classifier, declaration.superClass, depth + 1) : 'other';
    }
    case DefinitionType.Type: {
      const declaration = def.node;
      if (declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration)
        return classifyType(classifier, declaration.typeAnnotation, depth + 1);
      if (declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
        const bases = declaration.extends.map((heritage) => classifyClass(classifier, heritage.expression, depth + 1));
        return bases.includes('pg-boss') ? 'pg-boss' : bases.includes('unknown') ? 'unknown' : 'other';
      }
      return 'unknown';
    }
    case DefinitionType.TSEnumName:
      return 'other';
    case DefinitionType.Variable: {
      // A required class is imported too: `const RedisSMQ = require('rsmq')`, `const { SQS } = require('aws-sdk')`.
      const imported = getRequiredName(def.node, def.name);
      return imported === undefined ? 'unknown' : classifyImportedName(imported, variable.name);
    }
    default:
      return 'unknown';
  }
}

/** The name a binding has in the module it is required from: the key of `{ SQS } = require('aws-sdk')`, else its own. */
function getRequiredName(declarator: TSESTree.Node, name: TSESTree.Identifier): string | undefined {
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
  const init = skipTransparentWrappers(declarator.init);
  if (!isRequireCall(init) && !getInteropRequire(init)) return undefined;
  if (declarator.id === name) return name.name;
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const property = declarator.id.properties.find(
    (candidate): candidate is TSESTree.Property =>
      candidate.type === AST_NODE_TYPES.Property && candidate.value === name,
  );
  return property && getPropertyKeyName(property);
}

function classifyVariable(classifier: Classifier, variable: TSESLint.Scope.Variable, depth: number): ReceiverKind {
  // A class of this file is the class itself, not an instance: `PgBossManager.createQueue` is its own
  // static method, since pg-boss has none.
  if (variable.defs.some((def) => def.type === DefinitionType.ClassName)) return 'other';
  for (const def of variable.defs) {
    const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation : undefined;
    if (annotation) return classifyType(classifier, annotation.typeAnnotation, depth);
  }
  const values = variable.references
    .filter((reference) => reference.writeExpr != null && isWholeTarget(reference.identifier))
    .map((reference) => reference.writeExpr!);
  return combine(values.map((value) => classifyExpression(classifier, value, depth + 1)));
}

/** Whether a write gives the identifier the whole value (`x = v`, `const x = v`), not a part of it (`{ x } = v`). */
function isWholeTarget(identifier: TSESTree.Node): boolean {
  const { parent } = identifier;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id === identifier;
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.left === identifier;
    default:
      return false;
  }
}

/** `PgBoss`, `PgBoss | undefined`, `pgBoss.PgBoss`, `import('pg-boss').PgBoss`, `{ createQueue(): … }` … */
function classifyType(classifier: Classifier, type: TSESTree.TypeNode, depth: number): ReceiverKind {
  if (depth > MAX_DEPTH) return 'unknown';
  switch (type.type) {
    case AST_NODE_TYPES.TSUnionType: {
      const kinds = type.types.map((member) => classifyType(classifier, member, depth + 1));
      if (kinds.includes('pg-boss')) return 'pg-boss';
      return kinds.includes('unknown') ? 'unknown' : 'other';
    }
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSTypeLiteral:
      return 'other';
    case AST_NODE_TYPES.TSTypeReference:
      return classifyTypeName(classifier, type.typeName, depth + 1);
    case AST_NODE_TYPES.TSImportType:
      return type.qualifier?.type === AST_NODE_TYPES.Identifier ? classifyImportedName(type.qualifier.name) : 'unknown';
    default:
      return 'unknown';
  }
}

function classifyTypeName(classifier: Classifier, name: TSESTree.EntityName, depth: number): ReceiverKind {
  if (name.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveIdentifier(classifier.source, name);
    return variable ? classifyDeclaredType(classifier, variable, depth) : 'unknown';
  }
  if (name.type !== AST_NODE_TYPES.TSQualifiedName) return 'unknown';
  if (name.right.name === PG_BOSS_CLASS) return 'pg-boss';
  // `PgBoss.Job`, `sqs.SQSClient`: a member of a module imported here.
  const left = name.left.type === AST_NODE_TYPES.Identifier ? resolveIdentifier(classifier.source, name.left) : null;
  if (left && classifyPgBossBinding(left, classifier.settings) !== undefined) return 'other';
  return left?.defs[0]?.type === DefinitionType.ImportBinding ? classifyImportedName(name.right.name) : 'unknown';
}

/**
 * `this.boss`: the class field's annotation or initialiser, a constructor parameter property, and
 * every `this.boss = …` in the class's methods (NestJS services assign it in `onModuleInit`).
 */
function classifyClassMember(classifier: Classifier, member: TSESTree.MemberExpression, depth: number): ReceiverKind {
  const name = getStaticPropertyName(member);
  const classBody = findEnclosingClassBody(member);
  if (!name || !classBody) return 'unknown';
  // The receiver itself (`this.boss.createQueue`): every call on it in the class gets the same answer.
  if (depth === 1)
    return remember(classifier, classBody, name, () => classifyField(classifier, classBody, name, depth));
  return classifyField(classifier, classBody, name, depth);
}

/** `Queue.instance`: a static field of a class of this file, by its annotation or initialiser. */
function classifyStaticMember(classifier: Classifier, member: TSESTree.MemberExpression, depth: number): ReceiverKind {
  const object = skipTransparentWrappers(member.object);
  const name = getStaticPropertyName(member);
  if (object.type !== AST_NODE_TYPES.Identifier || name === undefined) return 'unknown';
  const def = resolveIdentifier(classifier.source, object)?.defs[0];
  if (def?.type !== DefinitionType.ClassName) return 'unknown';
  return classifyField(classifier, def.node.body, name, depth);
}

function classifyField(
  classifier: Classifier,
  classBody: TSESTree.ClassBody,
  name: string,
  depth: number,
): ReceiverKind {
  const kinds: ReceiverKind[] = [];
  for (const element of classBody.body) {
    if (
      (element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.AccessorProperty) &&
      getPropertyKeyName(element) === name
    ) {
      const annotation = element.typeAnnotation?.typeAnnotation;
      if (annotation) return classifyType(classifier, annotation, depth);
      if (element.value) kinds.push(classifyExpression(classifier, element.value, depth));
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const parameter of element.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const bound =
          parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern
            ? parameter.parameter.left
            : parameter.parameter;
        if (bound.type === AST_NODE_TYPES.Identifier && bound.name === name) {
          const annotation = bound.typeAnnotation?.typeAnnotation;
          return annotation ? classifyType(classifier, annotation, depth) : 'unknown';
        }
      }
    }
  }
  for (const assigned of findThisAssignments(classBody, name))
    kinds.push(classifyExpression(classifier, assigned, depth));
  return combine(kinds);
}

function findEnclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    if (hasOwnThis(current)) return undefined;
  }
  return undefined;
}

/** A plain function has its own `this`; arrows and methods keep the class's. */
function hasOwnThis(node: TSESTree.Node): boolean {
  return (
    isFunctionNode(node) &&
    node.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    node.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
    node.parent?.type !== AST_NODE_TYPES.PropertyDefinition
  );
}

/** The values of every `this.<name> = value` in the class's own methods (not in nested classes or plain functions). */
function findThisAssignments(classBody: TSESTree.ClassBody, name: string): TSESTree.Expression[] {
  const values: TSESTree.Expression[] = [];
  walkNodes(classBody, (node) => {
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.operator === '=' &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression &&
      getStaticPropertyName(node.left) === name &&
      findEnclosingClassBody(node) === classBody
    ) {
      values.push(node.right);
    }
  });
  return values;
}
