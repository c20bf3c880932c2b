import fs from 'node:fs';
import path from 'node:path';
import { projectRootsOf } from './projectRoots';
import { startScanAhead } from './scanProject';

/**
 * `config`, whose `rules` being read starts the first scan of its likely project ahead of the first lint
 * (startScanAhead). ESLint reads a config's rules as it loads the configs, before it looks for files to lint:
 * on the bench corpus 200 to 500 ms before the project rules' first lint, in which the scan runs on another
 * thread. Only a config that turns the project rules on carries it, so that reading the plugin (oxlint reads
 * every rule's `meta` as it loads a plugin) starts nothing. The likely project is the process's working
 * directory, where `eslint .` runs and which ESLint's `cwd` option defaults to, when it holds a package.json
 * (an editor's server may run anywhere); a first lint of another project (ESLint's `cwd` option,
 * `queueRoots`) stops that scan and makes its own.
 */
export function startsScanWhenRead<Config extends { rules?: object }>(config: Config): Config {
  let { rules } = config;
  let read = false;
  // Otherwise as the plain property it was: a config a user changes in place keeps its new rules.
  return Object.defineProperty(config, 'rules', {
    get() {
      if (!read) {
        read = true;
        startScanOfWorkingDirectory();
      }
      return rules;
    },
    set(value: Config['rules']) {
      rules = value;
    },
    enumerable: true,
    configurable: true,
  });
}

function startScanOfWorkingDirectory(): void {
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    return; // The working directory was deleted: no project to guess.
  }
  if (fs.existsSync(path.join(cwd, 'package.json'))) startScanAhead(projectRootsOf(cwd, {}).roots);
}
