import path from 'node:path';
import type { ParserServices, ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { readManifestField, searchUpwards } from '../util/searchUpwards';
import { PG_BOSS_CLASS, PG_BOSS_MODULE } from './pgBossImports';

/** Answers "is this expression a pg-boss instance?" from the type checker; undefined when the type says nothing. */
export interface PgBossTypeOracle {
  isPgBoss(node: TSESTree.Node): boolean | undefined;
}

/**
 * ts.TypeFlags.Any | ts.TypeFlags.Unknown, written as numbers so that loading the rule never loads
 * TypeScript: users who lint plain JavaScript need not install it.
 */
const ANY_OR_UNKNOWN_FLAGS = 1 | 2;

const oracles = new WeakMap<ts.Program, PgBossTypeOracle>();

/**
 * The oracle for the parser's TypeScript program, or undefined when the parser has no type
 * information (espree, or typescript-eslint without `project`/`projectService`). One oracle per
 * program, so the per-type answers are shared by every file of the project.
 */
export function getPgBossTypeOracle(services: Partial<ParserServices> | undefined): PgBossTypeOracle | undefined {
  if (!services?.program || !services.getTypeAtLocation) return undefined;
  let oracle = oracles.get(services.program);
  if (!oracle) {
    oracle = createOracle(services as ParserServicesWithTypeInformation);
    oracles.set(services.program, oracle);
  }
  return oracle;
}

function createOracle(services: ParserServicesWithTypeInformation): PgBossTypeOracle {
  // Created on the first question: most files never ask one, and a new checker is costly.
  let createdChecker: ts.TypeChecker | undefined;
  const verdicts = new Map<ts.Type, boolean>();

  const isPgBossType = (checker: ts.TypeChecker, type: ts.Type, seen: Set<ts.Type>): boolean => {
    const cached = verdicts.get(type);
    if (cached !== undefined) return cached;
    if (seen.has(type)) return false;
    seen.add(type);
    let verdict: boolean;
    if (type.isUnionOrIntersection()) {
      verdict = type.types.some((member) => isPgBossType(checker, member, seen));
    } else {
      const symbol = type.getSymbol();
      verdict =
        (symbol !== undefined && isPgBossClassSymbol(symbol)) ||
        (type.isClassOrInterface() &&
          (checker.getBaseTypes(type) ?? []).some((base) => isPgBossType(checker, base, seen)));
    }
    verdicts.set(type, verdict);
    return verdict;
  };

  return {
    isPgBoss(node) {
      const checker = (createdChecker ??= services.program.getTypeChecker());
      const type = checker.getNonNullableType(services.getTypeAtLocation(node));
      if (type.flags & ANY_OR_UNKNOWN_FLAGS) return undefined;
      return isPgBossType(checker, type, new Set());
    },
  };
}

/** The `PgBoss` class declared in the pg-boss package: 10/11 `types.d.ts`, 12 `dist/index.d.ts` / `.d.mts`. */
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
