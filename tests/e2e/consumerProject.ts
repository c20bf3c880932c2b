import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** The version of a package this repository has installed, so the consumer gets it from npm's cache. */
function installedVersion(name: string): string {
  return (
    JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/** The fenced code blocks of one README section (from its heading to the next heading of any level). */
function readmeBlocks(heading: string): Array<{ language: string; text: string }> {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`README.md has no section "${heading}"`);
  const end = readme.slice(start + heading.length + 2).search(/^#/m);
  const section = readme.slice(start, end === -1 ? undefined : start + heading.length + 2 + end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map(([, language, text]) => ({
    language: language!,
    text: text!,
  }));
}

/** The one block of `language` in a README section. */
export function readmeBlock(heading: string, language: string): string {
  const blocks = readmeBlocks(heading).filter((block) => block.language === language);
  if (blocks.length === 0) throw new Error(`README.md section "${heading}" has no ${language} block`);
  return blocks[0]!.text;
}

/** The arguments of each `npx <bin> …` line in a README section's shell blocks, comments left out. */
export function readmeCommands(heading: string, bin: string): string[][] {
  return readmeBlocks(heading)
    .filter((block) => block.language === 'sh')
    .flatMap((block) => block.text.split('\n'))
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
    .filter((words) => words[0] === 'npx' && words[1] === bin)
    .map((words) => words.slice(2));
}

/** The file a README block says it is, from its first line: `// eslint.config.mjs`. */
export function readmeFileName(block: string): string {
  const name = /^\/\/ (\S+)\n/.exec(block)?.[1];
  if (!name) throw new Error(`README block does not start with a "// file name" line:\n${block}`);
  return name;
}

export interface ReadmeInstall {
  dependencies: string[];
  devDependencies: string[];
}

/** The packages the `npm install` lines of README blocks ask for, split by `--save-dev`. */
export function readmeInstall(blocks: readonly string[]): ReadmeInstall {
  const install: ReadmeInstall = { dependencies: [], devDependencies: [] };
  for (const line of blocks.flatMap((block) => block.split('\n'))) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/);
    if (words[0] !== 'npm' || words[1] !== 'install') continue;
    const packages = words.slice(2).filter((word) => !word.startsWith('-'));
    (words.includes('--save-dev') ? install.devDependencies : install.dependencies).push(...packages);
  }
  return install;
}

/**
 * A dependency spec for each package the README installs: this repository's two packages as the tarballs
 * its Status section packs (`packGlobalSetup.mts`, the way a user gets them before the first release),
 * every other package at the version installed here, so npm takes it from its cache.
 */
export function specsFor(names: readonly string[]): Record<string, string> {
  const tarballs = inject('tarballs');
  return Object.fromEntries(
    names.map((name) => [name, tarballs[name] ? `file:${tarballs[name]}` : installedVersion(name)]),
  );
}

/** `npm install` in `directory`, from npm's cache where it can. */
export function npmInstall(directory: string, args: readonly string[] = []): void {
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...args], {
    cwd: directory,
    stdio: 'ignore',
  });
}

/** Writes a private package.json into `directory`, CommonJS as `npm init -y` makes it. */
export function writeManifest(directory: string, manifest: Record<string, unknown>): void {
  fs.writeFileSync(
    path.join(directory, 'package.json'),
    `${JSON.stringify({ name: 'consumer-app', private: true, type: 'commonjs', ...manifest }, null, 2)}\n`,
  );
}

/**
 * A temporary project set up as the README tells a user: a default (CommonJS) package.json with the
 * packages of its Install and oxlint sections (this repository's as packed tarballs), its ESLint config
 * under the file name the block gives and its `.oxlintrc.json`, around the example app. The test also
 * installs ESLint 9 and pg-boss 10 beside them, to run both majors.
 */
export function createConsumerProject(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-boss-consumer-'));
  // The README's config replaces the example's own, which ESLint would otherwise find first.
  fs.cpSync(path.join(root, 'examples/app'), directory, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'eslint.config.js',
  });
  const install = readmeInstall([readmeBlock('## Install', 'sh'), readmeBlock('### oxlint', 'sh')]);
  const devDependencies = [...new Set(install.devDependencies)];
  writeManifest(directory, {
    dependencies: {
      ...specsFor(install.dependencies),
      'pg-boss-10': `npm:pg-boss@${installedVersion('pg-boss-10.4.2')}`,
    },
    devDependencies: {
      ...specsFor(devDependencies),
      'eslint-9': `npm:eslint@${installedVersion('eslint-9')}`,
      // The parser's peer, at the version installed here rather than the registry's latest.
      typescript: installedVersion('typescript'),
    },
  });
  const eslintConfig = readmeBlock('### ESLint', 'js');
  fs.writeFileSync(path.join(directory, readmeFileName(eslintConfig)), eslintConfig);
  fs.writeFileSync(path.join(directory, '.oxlintrc.json'), readmeBlock('### oxlint', 'json'));
  npmInstall(directory);
  // A git repository, as a user's project is: the codemod asks git what is ignored.
  execFileSync('git', ['init', '-q'], { cwd: directory });
  fs.writeFileSync(path.join(directory, '.gitignore'), 'node_modules/\n');
  return directory;
}
