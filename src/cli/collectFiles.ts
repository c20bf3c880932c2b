import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * The files under `paths` with one of `extensions`, never below node_modules. Inside a git work tree,
 * git decides what is ignored (every .gitignore, nested ones too); elsewhere every file is taken.
 * A file named explicitly is taken even when ignored: the user asked for it.
 */
export function collectFiles(paths: readonly string[], extensions: ReadonlySet<string>): string[] {
  const wanted = (file: string) =>
    extensions.has(path.extname(file).slice(1)) && !file.split(/[\\/]/).some((part) => SKIPPED_DIRECTORIES.has(part));
  const files = new Set<string>();
  const directories: string[] = [];
  for (const given of paths) {
    const stat = fs.statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new Error(`No such file or directory: ${given}`);
    if (stat.isDirectory()) directories.push(given);
    else files.add(path.resolve(given));
  }
  if (directories.length > 0) {
    for (const file of listWithGit(directories) ?? directories.flatMap(walk))
      if (wanted(file)) files.add(path.resolve(file));
  }
  return [...files].filter((file) => fs.existsSync(file)).sort();
}

/** Tracked and untracked files that no .gitignore excludes, or undefined outside a git work tree. */
function listWithGit(directories: readonly string[]): string[] | undefined {
  try {
    const output = execFileSync(
      'git',
      [
        'ls-files',
        '-z',
        '--cached',
        '--others',
        '--exclude-standard',
        '--full-name',
        '--',
        ...directories.map((dir) => path.resolve(dir)),
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return output
      .split('\0')
      .filter(Boolean)
      .map((file) => path.join(top, file));
  } catch {
    return undefined;
  }
}

function walk(directory: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...walk(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}
