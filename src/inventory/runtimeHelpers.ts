/** The runtime's functions that declare queues, as it exports them. */
export type RuntimeHelperName = 'ensureQueue' | 'safeCreateQueue' | 'safeCreateQueues';

export const RUNTIME_HELPER_NAMES: ReadonlySet<string> = new Set<RuntimeHelperName>([
  'ensureQueue',
  'safeCreateQueue',
  'safeCreateQueues',
]);

/** `name` when it is one of the runtime's helpers. */
export function helperNamed(name: string): RuntimeHelperName | undefined {
  return RUNTIME_HELPER_NAMES.has(name) ? (name as RuntimeHelperName) : undefined;
}

/**
 * A called function that is one of the runtime's helpers (`certain`), or may be: one imported under a
 * helper's name from a module the scan cannot read (the codemod's `--import-source`, a package of the
 * app's), which may re-export it.
 */
export interface RuntimeHelper {
  readonly name: RuntimeHelperName;
  readonly certain: boolean;
}
