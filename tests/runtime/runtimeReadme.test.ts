import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { useTestDatabase } from '../support/database';

const root = path.resolve(__dirname, '../..');

const database = useTestDatabase('runtime_readme');

// The package's npm page is its README: its example must run as written, against pg-boss 12.
it("runs the runtime package README's example against PostgreSQL", async () => {
  const readme = fs.readFileSync(path.join(root, 'src/runtime/README.md'), 'utf8');
  const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  // Inside node_modules, so that `pg-boss` and the workspace package resolve as they do in an app.
  const directory = fs.mkdtempSync(path.join(root, 'node_modules/.cache-runtime-readme-'));
  try {
    const script = path.join(directory, 'example.mjs');
    fs.writeFileSync(script, example!);
    const output = execFileSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: database().url },
    });
    expect(output.trim()).toBe('created true');
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  const rows = await database().query<{ name: string; dead_letter: string | null }>(
    // pg-boss's own internal queues start with __pgboss__.
    "SELECT name, dead_letter FROM pgboss.queue WHERE name NOT LIKE '\\_\\_pgboss%' ORDER BY name",
  );
  expect(rows).toEqual([
    { name: 'emails', dead_letter: 'emails_dlq' },
    { name: 'emails_dlq', dead_letter: null },
    { name: 'thumbnails', dead_letter: null },
  ]);
});
