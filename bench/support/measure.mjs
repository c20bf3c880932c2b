// Small helpers shared by the benchmarks: medians, timing of whole processes, and plain-text tables.
import { spawnSync } from 'node:child_process';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs every contender once per round, in a new random order each round, and returns the median of each
 * contender's `measure()` result. The order is shuffled rather than rotated: a rotation keeps each
 * contender's predecessor fixed, and a call warms the caches for the one after it (timed twice in one
 * in-process benchmark, the same createQueue call measured 0.73–0.97× itself).
 */
export async function interleave(contenders, rounds) {
  const samples = new Map(contenders.map(({ name }) => [name, []]));
  const order = [...contenders];
  for (let round = 0; round < rounds; round++) {
    shuffle(order);
    for (const contender of order) {
      // Garbage left by one contender must not be collected on the next one's time (node --expose-gc).
      globalThis.gc?.();
      samples.get(contender.name).push(await contender.measure());
    }
  }
  return new Map([...samples].map(([name, values]) => [name, { median: median(values), samples: values }]));
}

/** Fisher–Yates, in place. */
function shuffle(items) {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [items[index], items[other]] = [items[other], items[index]];
  }
}

/** Wall time of a whole process in milliseconds; throws when it fails. */
export function timeProcess(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...options,
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !options.allowFailure)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms: elapsed, stderr: result.stderr ?? '' };
}

export function printTable(title, header, rows) {
  const table = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  console.log(`\n${title}\n`);
  table.forEach((row, index) => {
    console.log(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('  '),
    );
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  });
}

export const ms = (value) => `${value.toFixed(0)} ms`;
export const ratio = (value) => `${value.toFixed(2)}×`;
export const percent = (value) => `${(value * 100).toFixed(2)}%`;
