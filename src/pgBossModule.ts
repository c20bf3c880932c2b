/** pg-boss's package name: what its imports name, the key of its range in a manifest, its folder in node_modules. */
export const PG_BOSS_MODULE = 'pg-boss';
