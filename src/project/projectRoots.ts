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
 * Per settings object and working directory. ESLint hands every file a config matches the same settings
 * object, so a whole-tree lint resolves its roots once: resolving and naming them again in each lint was
 * most of what the lint of a file without a problem cost the rules.
 */
const resolved = new WeakMap<object, Map<string, ProjectRoots>>();

/** One object per set of roots, so two lints, or the two rules of one, judge the same project by identity. */
const interned = new Map<string, ProjectRoots>();

/** The project under `cwd` that `settings['pg-boss'].queueRoots` names (readPgBossSettings). */
export function projectRootsOf(cwd: string, settings: Readonly<Record<string, unknown>>): ProjectRoots {
  let byCwd = resolved.get(settings);
  if (!byCwd) resolved.set(settings, (byCwd = new Map()));
  let project = byCwd.get(cwd);
  if (!project) byCwd.set(cwd, (project = resolveRoots(cwd, settings)));
  return project;
}

function resolveRoots(cwd: string, settings: Readonly<Record<string, unknown>>): ProjectRoots {
  const { queueRoots } = readPgBossSettings(settings);
  const roots = (queueRoots.length > 0 ? queueRoots : ['.']).map((root) => path.resolve(cwd, root));
  const description = describeProject(cwd, roots);
  const key = JSON.stringify([roots, description]);
  let project = interned.get(key);
  if (!project) interned.set(key, (project = { roots, description }));
  return project;
}

function describeProject(cwd: string, roots: readonly string[]): string {
  const relative = roots.map((root) => path.relative(cwd, root).split(path.sep).join('/') || '.');
  return relative.length === 1 && relative[0] === '.' ? 'this project' : relative.join(', ');
}
