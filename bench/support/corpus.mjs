// The code the lint and codemod benchmarks run on: real packages from node_modules (available offline)
// plus generated app files that call createQueue in every pattern the rule knows.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const workDirectory = path.join(root, 'bench/.work');

const PACKAGES = ['eslint/lib', '@typescript-eslint', '@babel'];
const SOURCE = /\.(js|mjs|cjs|ts|mts|cts)$/;

function walk(directory) {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.isFile() && SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every JS/TS source file (no declaration files) of ESLint, typescript-eslint and Babel. */
export function realFiles() {
  return PACKAGES.flatMap((name) => walk(path.join(root, 'node_modules', name))).sort();
}

const PATTERNS = [
  (n) => `await boss.createQueue('q${n}', { retryLimit: ${n % 5} });`,
  (n) => `if (!(await boss.getQueue('q${n}'))) {\n  await boss.createQueue('q${n}');\n}`,
  (n) =>
    `try {\n  await boss.createQueue('q${n}');\n} catch (error: any) {\n  if (error.code !== '23505') throw error;\n}`,
  (n) =>
    `const queues = await boss.getQueues();\nif (!queues.some((queue) => queue.name === 'q${n}')) await boss.createQueue('q${n}');`,
  (n) => `await Promise.all(['a${n}', 'b${n}'].map((name) => boss.createQueue(name)));`,
  (n) => `await sqs.createQueue({ QueueName: 'q${n}' });`,
];

/** `count` TypeScript app modules, each with a few queue declarations in the patterns above. */
export function generatedAppFiles(count) {
  return Array.from({ length: count }, (_, index) => {
    const body = [0, 1, 2].map((offset) => PATTERNS[(index + offset) % PATTERNS.length](index * 3 + offset)).join('\n');
    const text = `import { PgBoss } from 'pg-boss';\n\ndeclare const sqs: { createQueue(input: object): Promise<void> };\n\nexport async function declare${index}(boss: PgBoss): Promise<void> {\n${body.replace(/^/gm, '  ')}\n}\n`;
    return { name: `app/queues-${index}.ts`, text };
  });
}

/**
 * Copies the corpus into bench/.work/<name>, a git repository of its own as a user's tree is (inside this
 * repository bench/.work is git-ignored, and the CLIs ask git what each scanned tree holds: they would scan
 * nothing). Returns the directory, its files, and those the CLIs and `eslint .` scan (and how many): all but
 * those in nested node_modules (Babel vendors semver), which they always skip.
 */
export function materializeCorpus(name, appFileCount) {
  const directory = path.join(workDirectory, name);
  fs.rmSync(directory, { recursive: true, force: true });
  const files = [];
  for (const file of realFiles()) {
    const target = path.join(directory, 'lib', path.relative(path.join(root, 'node_modules'), file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    files.push(target);
  }
  for (const { name: relative, text } of generatedAppFiles(appFileCount)) {
    const target = path.join(directory, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    files.push(target);
  }
  execFileSync('git', ['init', '-q'], { cwd: directory });
  const scanned = files.filter((file) => !path.relative(directory, file).split(path.sep).includes('node_modules'));
  return { directory, files, scanned, scannedCount: scanned.length };
}
