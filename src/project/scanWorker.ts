// A worker thread's whole life (src/project/scanOnWorker.ts): one project's first scan, posted back.
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { ProjectFilesState } from './projectFiles';
import { CANCELLED, DONE, LISTED, PROGRESS, type ScanReply, type ScanRequest } from './scanOnWorker';

const { roots, linted, cache, ahead, state, port } = workerData as ScanRequest;
let reply: ScanReply | undefined;
try {
  // Loaded here, not imported above, so that a module that fails to load in a worker is a reply too: the
  // lint waiting for it would otherwise wait until it gives up (WORKER_STALL_MS).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { firstScan, firstScanAhead } = require('./scanProject') as typeof import('./scanProject');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ProjectFiles } = require('./projectFiles') as typeof import('./projectFiles');
  const progress = () => Atomics.add(state, PROGRESS, 1);
  if (ahead) reply = { first: firstScanAhead(roots, cache, progress) };
  else {
    // The lint lists the project while this thread starts, then hands the listing over, or scans it itself.
    Atomics.wait(state, LISTED, 0);
    const listed = receiveMessageOnPort(port)?.message as ProjectFilesState | undefined;
    // Kept before the lint is told the scan is done: a process that ends right after its lint keeps it too.
    if (Atomics.load(state, LISTED) !== CANCELLED && listed)
      reply = { first: firstScan(roots, linted, ProjectFiles.fromState(listed, progress), cache) };
  }
} catch (error) {
  reply = { error: String(error) };
}
try {
  if (reply) port.postMessage(reply);
} catch (error) {
  // A scan that cannot be copied to the lint's thread: the lint scans on its own.
  port.postMessage({ error: String(error) } satisfies ScanReply);
} finally {
  port.close();
  Atomics.store(state, DONE, 1);
  Atomics.notify(state, DONE);
}
