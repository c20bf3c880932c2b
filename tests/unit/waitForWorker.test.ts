import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DONE, PROGRESS, waitForWorker } from '../../src/project/scanOnWorker';

/**
 * A worker thread that reads `files` files, one every `everyMs` (counting each in `state` as the scan's
 * worker does), then replies or, `dies`, ends without a word as one killed or out of memory would.
 */
function scanLike(files: number, everyMs: number, dies: boolean): Int32Array {
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  new Worker(
    `const { workerData: { state, files, everyMs, dies } } = require('node:worker_threads');
     const pause = new Int32Array(new SharedArrayBuffer(4));
     for (let file = 0; file < files; file++) {
       Atomics.add(state, ${PROGRESS}, 1);
       Atomics.wait(pause, 0, 0, everyMs);
     }
     if (!dies) {
       Atomics.store(state, ${DONE}, 1);
       Atomics.notify(state, ${DONE});
     }`,
    { eval: true, workerData: { state, files, everyMs, dies } },
  ).unref();
  return state;
}

describe('waiting for the first scan on a worker thread', () => {
  it('waits as long as the worker keeps reading, well past one stall window', () => {
    // 150 files, one every 20 ms: three seconds of scan against a window of two.
    const state = scanLike(150, 20, false);
    expect(waitForWorker(state, 2_000)).toBe('done');
    expect(Atomics.load(state, PROGRESS)).toBe(150);
  });

  it('gives up on a worker that stops without replying', () => {
    const state = scanLike(3, 1, true);
    expect(waitForWorker(state, 300)).toBe('stalled');
    expect(Atomics.load(state, DONE)).toBe(0);
  });

  it('returns at once when the reply is already posted', () => {
    const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
    Atomics.store(state, DONE, 1);
    expect(waitForWorker(state, 60_000)).toBe('done');
  });
});
