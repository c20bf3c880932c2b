import path from 'node:path';
import { readPgBossSettings } from '../analysis/pgBossSettings';

/** The project the queue rules judge, as a lint's working directory and settings name it. */
export interface ProjectRoots {
  /** The folders the project is read from, absolute: ESLint's working directory, or `queueRoots` under it. */
  readonly roots: readonly string[];
  /** How a message names them: `this project` for ESLint's working directory. */
  readonly description: string;
}

/**
 * Per working directory and `queueRoots`, as they read. A whole-tree lint asks with the same two for every
 * file (in a settings object of its own each time, so the object cannot be the key): resolving and naming
 * the roots again in each lint was most of what the lint of a file without a problem cost the rules.
 * One object per project, so two lints, or the two rules of one, judge the same project by identity.
 */
const resolved = new Map<string, ProjectRoots>();

/** The project under `cwd` that `settings['pg-boss'].queueRoots` names (readPgBossSettings). */
export function projectRootsOf(cwd: string, settings: Readonly<Record<string, unknown>>): ProjectRoots {
  const { queueRoots } = readPgBossSettings(settings);
  // NUL ends no path and no folder name, so two different lists never share a key.
  const key = [cwd, ...queueRoots].join('\0');
  let project = resolved.get(key);
  if (!project) resolved.set(key, (project = resolveRoots(cwd, queueRoots)));
  return project;
}

function resolveRoots(cwd: string, queueRoots: readonly string[]): ProjectRoots {
  const roots = (queueRoots.length > 0 ? queueRoots : ['.']).map((root) => path.resolve(cwd, root));
  return { roots, description: describeProject(cwd, roots) };
}

function describeProject(cwd: string, roots: readonly string[]): string {
  const relative = roots.map((root) => path.relative(cwd, root).split(path.sep).join('/') || '.');
  return relative.length === 1 && relative[0] === '.' ? 'this project' : relative.join(', ');
}
