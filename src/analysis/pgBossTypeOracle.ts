import path from 'node:path';
import type { ParserServices, ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { readManifestField, searchUpwards } from '../util/searchUpwards';
import { PG_BOSS_MODULE } from '../pgBossModule';
import { PG_BOSS_CLASS } from './pgBossImports';

/** Answers "is this expression a pg-boss instance?" from the type checker; undefined when the type says nothing. */
export interface PgBossTypeOracle {
  isPgBoss(node: TSESTree.Node): boolean | undefined;
}

/**
 * ts.TypeFlags.Any | ts.TypeFlags.Unknown, written as numbers so that loading the rule never loads
 * TypeScript: users who lint plain JavaScript need not install it.
 */
const ANY_OR_UNKNOWN_FLAGS = 1 | 2;

const CREATE_QUEUE = 'createQueue';

/** What is the same for every file of a program: its checker and the verdict on each type. */
interface ProgramTypes {
  readonly checker: ts.TypeChecker;
  readonly verdicts: Map<ts.Type, boolean>;
}

const programs = new WeakMap<ts.Program, ProgramTypes>();

/**
 * The oracle for one linted file, or undefined when the parser has no type information (espree, or
 * typescript-eslint without `project`/`projectService`). Only the program-wide part is cached per
 * program; the ESTree-to-TypeScript node map is each file's own (`services` belong to one file), so
 * every file of a program gets its own answers whichever file was linted first.
 */
export function getPgBossTypeOracle(services: Partial<ParserServices> | undefined): PgBossTypeOracle | undefined {
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return undefined;
  const { program, esTreeNodeToTSNodeMap } = services as ParserServicesWithTypeInformation;
  let types: ProgramTypes | undefined;
  return {
    isPgBoss(node) {
      // Created on the first question: most files never ask one.
      types ??= getProgramTypes(program);
      const { checker } = types;
      const type = checker.getTypeAtLocation(esTreeNodeToTSNodeMap.get(node));
      // Checked before removing null: `unknown` without null and undefined is `{}`, which says nothing either.
      if (type.flags & ANY_OR_UNKNOWN_FLAGS) return undefined;
      return isPgBossType(types, checker.getNonNullableType(type), new Set());
    },
  };
}

function getProgramTypes(program: ts.Program): ProgramTypes {
  let types = programs.get(program);
  if (!types) {
    types = { checker: program.getTypeChecker(), verdicts: new Map() };
    programs.set(program, types);
  }
  return types;
}

/**
 * The PgBoss class, a subclass of it, a union holding one, or any type whose `createQueue` is PgBoss's
 * own method: `Pick<PgBoss, 'createQueue'>`, `Partial<PgBoss>`, `Readonly<PgBoss>`, `Omit<PgBoss, 'stop'>`
 * (mapped types keep the declarations of the properties they copy), `PgBoss & { tenant: string }`, and
 * a type parameter `T extends PgBoss` (whose apparent type is its constraint). The untyped analysis and
 * the docs call all of these pg-boss; whether the rewrite's helpers accept them is the rewrite's question.
 */
function isPgBossType(types: ProgramTypes, type: ts.Type, seen: Set<ts.Type>): boolean {
  const cached = types.verdicts.get(type);
  if (cached !== undefined) return cached;
  if (seen.has(type)) return false;
  seen.add(type);
  let verdict: boolean;
  if (type.isUnionOrIntersection()) {
    verdict = type.types.some((member) => isPgBossType(types, member, seen));
  } else {
    const symbol = type.getSymbol();
    verdict =
      (symbol !== undefined && isPgBossClassSymbol(symbol)) ||
      (type.isClassOrInterface() &&
        (types.checker.getBaseTypes(type) ?? []).some((base) => isPgBossType(types, base, seen))) ||
      hasPgBossCreateQueue(types.checker, type);
  }
  types.verdicts.set(type, verdict);
  return verdict;
}

/** Whether the type's `createQueue` (through its apparent type: a type parameter's constraint) is declared by PgBoss. */
function hasPgBossCreateQueue(checker: ts.TypeChecker, type: ts.Type): boolean {
  const property = checker.getPropertyOfType(checker.getApparentType(type), CREATE_QUEUE);
  return (property?.getDeclarations() ?? []).some((declaration) => {
    const owner = (declaration.parent as Partial<ts.ClassLikeDeclaration>).name;
    const ownerSymbol = owner && checker.getSymbolAtLocation(owner);
    return ownerSymbol !== undefined && isPgBossClassSymbol(ownerSymbol);
  });
}

/**
 * The `PgBoss` class declared in the pg-boss package: 10/11 `types.d.ts`, 12 `dist/index.d.ts` / `.d.mts`.
 * A re-export (`export { PgBoss } from 'pg-boss'` in a workspace package) resolves to this same symbol.
 */
function isPgBossClassSymbol(symbol: ts.Symbol): boolean {
  if (symbol.getName() !== PG_BOSS_CLASS) return false;
  return (symbol.getDeclarations() ?? []).some(
    (declaration) => findPackageName(path.dirname(declaration.getSourceFile().fileName)) === PG_BOSS_MODULE,
  );
}

const packageNames = new Map<string, string | undefined>();

/**
 * The name in the nearest package.json that has one. It is the real name even for aliased installs
 * (`"pg-boss-10": "npm:pg-boss@10.4.2"`) and pnpm's nested layout, which a path test would miss;
 * nameless manifests (`{"type": "module"}` in a dist folder) do not end the search.
 */
function findPackageName(directory: string): string | undefined {
  return searchUpwards(directory, packageNames, (candidate) =>
    readManifestField(path.join(candidate, 'package.json'), 'name'),
  );
}
