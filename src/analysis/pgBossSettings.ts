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
}

export const DEFAULT_SETTINGS: PgBossSettings = { modules: [] };

/** The `'pg-boss'` entry of ESLint's `settings`; anything malformed is ignored rather than thrown on. */
export function readPgBossSettings(settings: Readonly<Record<string, unknown>> | undefined): PgBossSettings {
  const entry = settings?.['pg-boss'];
  if (typeof entry !== 'object' || entry === null) return DEFAULT_SETTINGS;
  const { modules } = entry as { modules?: unknown };
  if (!Array.isArray(modules)) return DEFAULT_SETTINGS;
  return { modules: modules.filter((name): name is string => typeof name === 'string') };
}
