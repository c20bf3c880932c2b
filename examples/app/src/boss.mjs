// pg-boss 10 and 11 export the class as the module; 12 exports it by name. PG_BOSS_PACKAGE lets the same
// app run on an aliased install (`"pg-boss-10": "npm:pg-boss@10.4.2"`).
const pgBossModule = await import(process.env.PG_BOSS_PACKAGE ?? 'pg-boss');
const PgBoss = pgBossModule.PgBoss ?? pgBossModule.default;

export function createBoss(connectionString, schema = 'pgboss') {
  return new PgBoss({ connectionString, schema, supervise: false, schedule: false });
}
