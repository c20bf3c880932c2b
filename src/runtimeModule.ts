/** Where the rewritten calls import `safeCreateQueue` from unless the user names their own module. */
export const DEFAULT_IMPORT_SOURCE = 'pg-boss-safe-create-queue';
