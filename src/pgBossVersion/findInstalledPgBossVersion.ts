import path from 'node:path';
import { readManifestField, searchUpwards } from '../util/searchUpwards';
import { PG_BOSS_MODULE } from '../analysis/pgBossImports';

const versions = new Map<string, string | undefined>();

/** The version of pg-boss that Node would load for a file in `directory`: the nearest `node_modules/pg-boss`. */
export function findInstalledPgBossVersion(directory: string): string | undefined {
  return searchUpwards(directory, versions, (candidate) =>
    readManifestField(path.join(candidate, 'node_modules', PG_BOSS_MODULE, 'package.json'), 'version'),
  );
}
