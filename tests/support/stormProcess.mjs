// One process of the boot storm in tests/runtime/storm.test.ts: starts a pg-boss instance, says "ready",
// and on "go" declares the queues given as JSON, calling again after a failure as an app's boot would,
// until the declaration succeeds. Prints one JSON line with what happened and exits 0; any other exit
// is a crash.
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { safeCreateQueues } from 'pg-boss-safe-create-queue';

const [version, url, schema, applicationName, declarationsJson] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const PgBoss = version.startsWith('12.') ? (await import(`pg-boss-${version}`)).PgBoss : require(`pg-boss-${version}`);

const boss = new PgBoss({
  connectionString: url,
  schema,
  application_name: applicationName,
  supervise: false,
  schedule: false,
  max: 3,
});
// What pg-boss asks of every app: its idle connections report a terminated backend here.
boss.on('error', () => {});
await boss.start();
console.log('ready');
await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));

const failures = [];
for (let attempt = 1; ; attempt++) {
  try {
    await safeCreateQueues(boss, JSON.parse(declarationsJson), { timeoutMs: 20_000 });
    break;
  } catch (error) {
    failures.push(error.code ?? error.name);
    if (attempt === 100) throw error;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
await boss.stop({ graceful: false, wait: true, close: true });
console.log(JSON.stringify({ failures }));
