// Runtime cost of safeCreateQueue against real PostgreSQL on pg-boss 10.4.2, 11.1.2 and 12.38.0: SQL round
// trips, latency next to plain createQueue (interleaved medians, with the run's own noise), a boot storm of 20
// instances declaring 20 queues at once, and a burst of 30 creates on one instance with a pool of 10 (the
// codemod's Promise.all shape).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { safeCreateQueue, safeCreateQueues } from 'pg-boss-safe-create-queue';
import pg from 'pg';
import { startEmbeddedPostgres } from '../examples/embeddedPostgres.mjs';
import { interleave, median, ms, printTable, ratio } from './support/measure.mjs';

const require = createRequire(import.meta.url);
const VERSIONS = (process.env.BENCH_VERSIONS ?? '10.4.2,11.1.2,12.38.0').split(',');
const LATENCY_ROUNDS = Number(process.env.BENCH_LATENCY_ROUNDS ?? 400);
/**
 * Another build of the runtime (its `dist/index.js`, e.g. built from the previous commit), timed in the
 * same rounds on the same instance: a before/after that no change of machine load can tilt.
 */
const BASELINE = process.env.BENCH_RUNTIME_BASELINE
  ? await import(pathToFileURL(path.resolve(process.env.BENCH_RUNTIME_BASELINE)).href)
  : undefined;
const STORM_INSTANCES = 20;
const STORM_QUEUES = 20;
const STORM_RUNS = Number(process.env.BENCH_STORM_RUNS ?? 3);

async function loadPgBoss(version) {
  return version.startsWith('12.') ? (await import(`pg-boss-${version}`)).PgBoss : require(`pg-boss-${version}`);
}

let schemaCounter = 0;
async function startBoss(PgBoss, url, schema, max = 2) {
  const boss = new PgBoss({ connectionString: url, schema, supervise: false, schedule: false, max });
  boss.on('error', () => {});
  await boss.start();
  return boss;
}

/**
 * Counts the statements an instance sends, each one round trip, on every connection its pg pool hands
 * out: pg-boss's own and the helper's, 10.x's create lock on a second connection included.
 */
function countRoundTrips(boss) {
  const counter = { count: 0 };
  const counted = new WeakSet();
  // pg-pool emits 'acquire' each time it hands a connection out, before the statement is sent.
  boss.getDb().pool.on('acquire', (client) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query;
    client.query = function (...args) {
      counter.count++;
      return query.apply(this, args);
    };
  });
  return counter;
}

async function roundTrips(PgBoss, url) {
  const boss = await startBoss(PgBoss, url, `rt_${schemaCounter++}`);
  const counter = countRoundTrips(boss);
  await safeCreateQueue(boss, 'warm'); // reads the capabilities once per instance
  const measureCall = async (call) => {
    counter.count = 0;
    await call();
    return counter.count;
  };
  const existing = await measureCall(() => safeCreateQueue(boss, 'warm'));
  const absent = await measureCall(() => safeCreateQueue(boss, 'fresh'));
  const absentDeclared = await measureCall(() => safeCreateQueue(boss, 'declared', { retryLimit: 3 }));
  const declarations = Object.fromEntries(
    Array.from({ length: 100 }, (_, index) => [`many_${index}`, { retryLimit: 2 }]),
  );
  await safeCreateQueues(boss, declarations);
  const hundred = await measureCall(() => safeCreateQueues(boss, declarations));
  const plainExisting = await measureCall(() => boss.createQueue('warm', { name: 'warm' }));
  await boss.stop({ graceful: false, wait: true, close: true, destroy: true });
  return { existing, absent, absentDeclared, hundred, plainExisting };
}

const microseconds = (milliseconds) => `${(milliseconds * 1000).toFixed(1)} µs`;

/** One call's wall time in milliseconds. */
const timed = (call) => async () => {
  const start = performance.now();
  await call();
  return performance.now() - start;
};

/**
 * Calls on an existing queue, the call every boot makes: plain createQueue, getQueue alone (on 11+ the
 * one statement safeCreateQueue sends there; 10.x's helper reads only the declared columns, which costs
 * less) and safeCreateQueue, one call of each kind per round in a shuffled order, so that a busy moment of
 * a shared machine falls on all of them alike.
 *
 * Each kind appears once a round: a call that follows a call of the same kind is about 10 % faster (its
 * code, its statement and the server's path through it are still warm), so a kind timed twice a round
 * follows itself in a third of its rounds and comes out faster than it is. Plain createQueue was once
 * timed twice, as its own noise, and that alone moved safeCreateQueue / createQueue on 10.4.2 from about
 * 1.10× to 1.25×. The run's noise is instead createQueue's own calls in odd rounds against those in even
 * rounds: the margin below which no ratio in it means anything.
 */
async function latency(PgBoss, url) {
  const boss = await startBoss(PgBoss, url, `lat_${schemaCounter++}`);
  await safeCreateQueue(boss, 'existing', { retryLimit: 2 });
  const contenders = [
    { name: 'plain', measure: timed(() => boss.createQueue('existing', { name: 'existing', retryLimit: 2 })) },
    { name: 'lookup', measure: timed(() => boss.getQueue('existing')) },
    { name: 'safe', measure: timed(() => safeCreateQueue(boss, 'existing', { retryLimit: 2 })) },
  ];
  if (BASELINE) {
    const { safeCreateQueue: baseline } = BASELINE;
    contenders.push({ name: 'baseline', measure: timed(() => baseline(boss, 'existing', { retryLimit: 2 })) });
  }
  await interleave(contenders, 30); // warm-up: connections, JIT, the capability query
  const medians = await interleave(contenders, LATENCY_ROUNDS);
  await boss.stop({ graceful: false, wait: true, close: true, destroy: true });
  const [plain, lookup, safe, baseline] = ['plain', 'lookup', 'safe', 'baseline'].map(
    (name) => medians.get(name)?.median,
  );
  const plainSamples = medians.get('plain').samples;
  const noise =
    median(plainSamples.filter((_, round) => round % 2 === 1)) /
    median(plainSamples.filter((_, round) => round % 2 === 0));
  return { plain, noise, lookup, safe, baseline };
}

/**
 * The helper's own time per call on an existing queue, apart from its one statement: from the call to
 * the statement being handed to the instance's `executeSql`, plus from its answer to the call's, timed
 * inside each call by wrapping the instance's `executeSql` (10.x reads the row through it directly, 11+
 * through getQueue, whose own JavaScript therefore counts here). A machine's load stretches both
 * contenders of a ratio alike; this is the part the helper itself adds. The baseline build, when given,
 * alternates with this one.
 */
async function ownTime(PgBoss, url) {
  const boss = await startBoss(PgBoss, url, `own_${schemaCounter++}`);
  await safeCreateQueue(boss, 'existing', { retryLimit: 2 });
  const db = boss.getDb();
  const executeSql = db.executeSql.bind(db);
  let asked = 0;
  let answered = 0;
  db.executeSql = (text, values) => {
    asked = performance.now();
    return executeSql(text, values).then((result) => {
      answered = performance.now();
      return result;
    });
  };
  const builds = [{ name: 'safe', safeCreateQueue }];
  if (BASELINE) builds.push({ name: 'baseline', safeCreateQueue: BASELINE.safeCreateQueue });
  const contenders = builds.map(({ name, safeCreateQueue: call }) => ({
    name,
    measure: async () => {
      const start = performance.now();
      await call(boss, 'existing', { retryLimit: 2 });
      return asked - start + (performance.now() - answered);
    },
  }));
  await interleave(contenders, 30);
  const medians = await interleave(contenders, LATENCY_ROUNDS);
  await boss.stop({ graceful: false, wait: true, close: true, destroy: true });
  return { safe: medians.get('safe').median, baseline: medians.get('baseline')?.median };
}

/** 20 instances, as 20 processes would be, each declaring the same 20 queues at the same moment. */
async function storm(PgBoss, url, useHelper) {
  const schema = `storm_${schemaCounter++}`;
  const bootstrap = await startBoss(PgBoss, url, schema);
  const instances = await Promise.all(Array.from({ length: STORM_INSTANCES }, () => startBoss(PgBoss, url, schema)));
  const names = Array.from({ length: STORM_QUEUES }, (_, index) => `q_${index}`);
  const start = process.hrtime.bigint();
  const results = await Promise.allSettled(
    instances.flatMap((boss) =>
      useHelper
        ? [safeCreateQueues(boss, Object.fromEntries(names.map((name) => [name, {}])))]
        : names.map((name) => boss.createQueue(name, { name })),
    ),
  );
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS count FROM ${schema}.queue WHERE name LIKE 'q\\_%'`);
  await client.end();
  await Promise.all(
    [bootstrap, ...instances].map((boss) => boss.stop({ graceful: false, wait: true, close: true, destroy: true })),
  );
  return {
    calls: results.length,
    errors: results.filter((result) => result.status === 'rejected').length,
    declared: rows[0].count,
    ms: elapsed,
  };
}

const BURST_QUEUES = 30;
const BURST_POOL = 10;
const BURST_BOUND_MS = 20_000;

/**
 * One instance with a pool of 10 declares 30 queues with Promise.all, twice at once (two processes
 * booting): the shape that hung for good on 10.x. A call still pending after 20 s counts as hung.
 */
async function burst(PgBoss, url, useHelper) {
  const schema = `burst_${schemaCounter++}`;
  const instances = [
    await startBoss(PgBoss, url, schema, BURST_POOL),
    await startBoss(PgBoss, url, schema, BURST_POOL),
  ];
  const names = Array.from({ length: BURST_QUEUES }, (_, index) => `q_${index}`);
  const start = process.hrtime.bigint();
  const calls = instances.flatMap((boss) =>
    names.map((name) => (useHelper ? safeCreateQueue(boss, name) : boss.createQueue(name, { name }))),
  );
  const hung = Symbol('hung');
  let timer;
  const bound = new Promise((resolve) => (timer = setTimeout(() => resolve(hung), BURST_BOUND_MS)));
  const settled = await Promise.race([Promise.allSettled(calls), bound]);
  clearTimeout(timer);
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS count FROM ${schema}.queue WHERE name LIKE 'q\\_%'`);
  await client.end();
  await Promise.all(instances.map((boss) => boss.stop({ graceful: false, wait: true, close: true, destroy: true })));
  return {
    calls: calls.length,
    hung: settled === hung,
    errors: settled === hung ? undefined : settled.filter((result) => result.status === 'rejected').length,
    declared: rows[0].count,
    ms: elapsed,
  };
}

const postgres = await startEmbeddedPostgres();
try {
  const tripRows = [];
  const latencyRows = [];
  const ownRows = [];
  const stormRows = [];
  const burstRows = [];
  for (const version of VERSIONS) {
    const PgBoss = await loadPgBoss(version);
    const trips = await roundTrips(PgBoss, postgres.url);
    tripRows.push([version, trips.existing, trips.absent, trips.absentDeclared, trips.hundred, trips.plainExisting]);
    const { plain, noise, lookup, safe, baseline } = await latency(PgBoss, postgres.url);
    const own = await ownTime(PgBoss, postgres.url);
    ownRows.push([
      version,
      microseconds(own.safe),
      ...(own.baseline === undefined ? [] : [microseconds(own.baseline)]),
    ]);
    latencyRows.push([
      version,
      `${plain.toFixed(3)} ms`,
      ratio(noise),
      `${lookup.toFixed(3)} ms`,
      `${safe.toFixed(3)} ms`,
      ratio(safe / plain),
      ...(baseline === undefined ? [] : [ratio(baseline / plain)]),
    ]);
    for (const useHelper of [false, true]) {
      const run = await burst(PgBoss, postgres.url, useHelper);
      burstRows.push([
        version,
        useHelper ? `safeCreateQueue × ${run.calls}` : `createQueue × ${run.calls}`,
        run.hung ? `still pending after ${ms(BURST_BOUND_MS)}` : `${run.errors} of ${run.calls}`,
        `${run.declared} of ${BURST_QUEUES}`,
        run.hung ? '–' : ms(run.ms),
      ]);
    }
    for (const useHelper of [false, true]) {
      const runs = [];
      for (let run = 0; run < STORM_RUNS; run++) runs.push(await storm(PgBoss, postgres.url, useHelper));
      const complete = runs.filter((run) => run.declared === STORM_QUEUES);
      stormRows.push([
        version,
        useHelper ? `safeCreateQueues × ${STORM_INSTANCES}` : `createQueue × ${STORM_INSTANCES * STORM_QUEUES}`,
        `${median(runs.map((run) => run.errors))} of ${runs[0].calls}`,
        `${median(runs.map((run) => run.declared))} of ${STORM_QUEUES}`,
        complete.length === runs.length
          ? ms(median(runs.map((run) => run.ms)))
          : `incomplete in ${runs.length - complete.length} of ${runs.length} runs`,
      ]);
    }
  }
  printTable(
    "SQL round trips per call (statements on the instance's pool, capabilities already read)",
    [
      'pg-boss',
      'existing queue',
      'absent queue',
      'absent, with options',
      'safeCreateQueues, 100 existing',
      'plain createQueue, existing',
    ],
    tripRows,
  );
  console.log(
    'targets: existing 1, absent ≤ 3 on 12.x (on 10.x the create lock adds 3 on a second connection), 100 existing a constant (not 100)',
  );
  printTable(
    `Latency on an existing queue (medians of ${LATENCY_ROUNDS} interleaved rounds)`,
    [
      'pg-boss',
      'createQueue',
      'createQueue, odd rounds / even rounds (noise)',
      'getQueue alone',
      'safeCreateQueue',
      'safeCreateQueue / createQueue',
      ...(BASELINE ? ['baseline build / createQueue'] : []),
    ],
    latencyRows,
  );
  console.log('target: ≤ 1.10×');
  printTable(
    `The helper's own time per call on an existing queue, its statement's executeSql left out (medians of ${LATENCY_ROUNDS} calls)`,
    ['pg-boss', 'this build', ...(BASELINE ? ['baseline build'] : [])],
    ownRows,
  );
  printTable(
    `Burst: 2 instances with a pool of ${BURST_POOL} each create ${BURST_QUEUES} queues with Promise.all`,
    ['pg-boss', 'how', 'rejected calls', 'queues declared', 'time'],
    burstRows,
  );
  printTable(
    `Boot storm: ${STORM_INSTANCES} instances declare the same ${STORM_QUEUES} queues at once (median of ${STORM_RUNS} runs)`,
    ['pg-boss', 'how', 'rejected calls', 'queues declared', 'time to a declared schema'],
    stormRows,
  );
} finally {
  await postgres.stop();
}
