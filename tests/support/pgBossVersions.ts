import { createRequire } from 'node:module';
import type { PgBossInstance } from '../../src/runtime';

/** The versions the helper must be right on, installed side by side through npm aliases (`pg-boss-10.0.0`, …). */
export const PG_BOSS_VERSIONS = ['10.0.0', '10.0.3', '10.1.4', '10.4.2', '11.1.2', '12.38.0'] as const;
export type PgBossVersion = (typeof PG_BOSS_VERSIONS)[number];

/** The subset of the pg-boss API the tests drive directly. */
export interface TestBoss extends PgBossInstance {
  start(): Promise<unknown>;
  stop(options?: object): Promise<void>;
  send(name: string, data?: object): Promise<string | null>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

type PgBossConstructor = new (options: Record<string, unknown>) => TestBoss;

const require = createRequire(__filename);

/** 10 and 11 are CommonJS (`module.exports = PgBoss`); 12 is ESM with a named export. */
export async function loadPgBoss(version: PgBossVersion): Promise<PgBossConstructor> {
  const specifier = `pg-boss-${version}`;
  if (version.startsWith('12.')) return ((await import(specifier)) as { PgBoss: PgBossConstructor }).PgBoss;
  return require(specifier) as PgBossConstructor;
}

export function majorOf(version: PgBossVersion): number {
  return Number(version.split('.')[0]);
}
