import fs from 'node:fs';
import path from 'node:path';
import { withoutByteOrderMark } from '../util/byteOrderMark';
import type { DependencyGap } from './findDependencyGaps';

/** What `--add-dependency` did to one package.json: the range it wrote, or why it could not. */
export type AddedDependency = { readonly range: string } | { readonly problem: string };

/**
 * Lists `gap.dependency` in the package.json's `dependencies` (moving it out of `devDependencies`, range
 * and all, when it is there), as `npm install` would: in the file's indentation and line endings, sorted
 * in when the list is sorted, with the version installed for the package (or beside this tool) written
 * in the range style its other dependencies use (`^1.2.3`, `~1.2.3` or `1.2.3`).
 */
export function addDependency(gap: DependencyGap, write: boolean): AddedDependency {
  // Written anew from what it does not parse, it would lose the rest of what it holds.
  if (gap.kind === 'unreadable') return { problem: `could not read its package.json (${gap.problem})` };
  const read = fs.readFileSync(gap.manifest, 'utf8');
  const text = withoutByteOrderMark(read);
  const json = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
  const devRange = json.devDependencies?.[gap.dependency];
  let range = devRange;
  if (range === undefined) {
    const version =
      findInstalledVersion(gap.dependency, path.dirname(gap.manifest)) ??
      findInstalledVersion(gap.dependency, __dirname);
    if (version === undefined)
      return {
        problem: `no installed ${gap.dependency} to take the version from; run npm install ${gap.dependency} there`,
      };
    range = `${rangePrefix(json)}${version}`;
  }
  if (devRange !== undefined) {
    const { [gap.dependency]: _moved, ...rest } = json.devDependencies!;
    json.devDependencies = rest;
  }
  json.dependencies = insertEntry(json.dependencies ?? {}, gap.dependency, range);
  if (write) {
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    // A byte order mark the file began with stays, as the rest of its form does.
    const mark = read.slice(0, read.length - text.length);
    const body = mark + JSON.stringify(json, null, indent).replaceAll('\n', newline);
    try {
      fs.writeFileSync(gap.manifest, /\r?\n$/.test(text) ? `${body}${newline}` : body);
    } catch (error) {
      return { problem: `could not write its package.json (${(error as Error).message})` };
    }
  }
  return { range };
}

function findInstalledVersion(dependency: string, from: string): string | undefined {
  for (let directory = from; ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, 'node_modules', dependency, 'package.json');
    if (fs.existsSync(manifest)) return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: string }).version;
    if (path.dirname(directory) === directory) return undefined;
  }
}

/** The prefix most of the file's ranges use; `^` when tied or when there are none. */
function rangePrefix(json: Record<string, Record<string, string> | undefined>): '^' | '~' | '' {
  const counts = { '^': 0, '~': 0, '': 0 };
  for (const range of [...Object.values(json.dependencies ?? {}), ...Object.values(json.devDependencies ?? {})]) {
    if (range.startsWith('^')) counts['^']++;
    else if (range.startsWith('~')) counts['~']++;
    else if (/^\d/.test(range)) counts['']++;
  }
  return counts['~'] > counts['^'] && counts['~'] >= counts[''] ? '~' : counts[''] > counts['^'] ? '' : '^';
}

function insertEntry(list: Record<string, string>, name: string, range: string): Record<string, string> {
  const names = Object.keys(list);
  const sorted = names.every((key, index) => index === 0 || names[index - 1]!.localeCompare(key) <= 0);
  const entries = [...Object.entries(list), [name, range] as const];
  if (sorted) entries.sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}
