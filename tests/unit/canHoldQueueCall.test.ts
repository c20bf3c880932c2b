import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MENTIONS_BOSS,
  MENTIONS_HELPER,
  MENTIONS_QUEUE_METHOD,
  canHoldQueueCall,
} from '../../src/inventory/queueMethods';

/** The check as its comment defines it: a queue method, and `boss`, a helper or an unplaced createQueue/work call. */
const byDefinition = (text: string) =>
  MENTIONS_QUEUE_METHOD.test(text) &&
  (MENTIONS_BOSS.test(text) || MENTIONS_HELPER.test(text) || /\.\s*(?:createQueue\b|work\s*[<(])/.test(text));

function sourcesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .flatMap((entry) =>
      entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name) ? [path.join(entry.parentPath, entry.name)] : [],
    );
}

const TEXTS = [
  "res.send('x');",
  "boss.send('x');",
  "import { PgBoss } from 'pg-boss';",
  "worker.queue.work('emails', handle);",
  'worker.queue.work <Job>(name, handle);',
  "queue.createQueue('x');",
  'queue.createQueueSoon();',
  'const framework = network.workers;',
  "await safeCreateQueues(instance, ['a']);",
  'ensureQueues();',
  "import { ensureQueue } from 'pg-boss-safe-create-queue';",
  "client['send']('x'); // BOSS",
  'this.network.work',
  '',
];

describe('canHoldQueueCall', () => {
  it('answers as its definition does, on every fixture and on texts with and without each part', () => {
    const texts = [
      ...TEXTS,
      ...sourcesUnder(path.resolve(__dirname, '../fixtures')).map((file) => fs.readFileSync(file, 'utf8')),
    ];
    const answers = texts.map(canHoldQueueCall);
    expect(answers).toEqual(texts.map(byDefinition));
    // Both answers occur, each way the definition can be met.
    expect(TEXTS.map(canHoldQueueCall)).toEqual([
      false,
      true,
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});
