import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

it('npm run demo prints what the README shows', () => {
  const output = execFileSync(process.execPath, ['examples/demo.mjs'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const shown = /`npm run demo` prints:\n\n```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
  expect(shown).toBeDefined();
  expect(output.trim()).toBe(shown);
});
