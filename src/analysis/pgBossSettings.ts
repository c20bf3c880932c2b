/**
 * The plugin's shared settings, `settings: { 'pg-boss': { … } }` in the ESLint config (in the style of
 * `settings.react.version`), read by every rule of the plugin.
 */
export interface PgBossSettings {
  /**
   * Modules that re-export pg-boss, such as a monorepo's workspace package (`@acme/jobs`): what they
   * export by default or as `PgBoss` is pg-boss's class.
   */
  readonly modules: readonly string[];
  /**
   * The folders whose code is the project the queue rules judge (no-undeclared-queue,
   * no-conflicting-queue-options), relative to ESLint's working directory; empty for that directory itself.
   */
  readonly queueRoots: readonly string[];
}

export const DEFAULT_SETTINGS: PgBossSettings = { modules: [], queueRoots: [] };

/** The `'pg-boss'` entry of ESLint's `settings`; anything malformed is ignored rather than thrown on. */
export function readPgBossSettings(settings: Readonly<Record<string, unknown>> | undefined): PgBossSettings {
  const entry = settings?.['pg-boss'];
  if (typeof entry !== 'object' || entry === null) return DEFAULT_SETTINGS;
  const { modules, queueRoots } = entry as { modules?: unknown; queueRoots?: unknown };
  return { modules: strings(modules), queueRoots: strings(queueRoots) };
}

function strings(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
