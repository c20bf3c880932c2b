import { PgBoss } from "pg-boss";
import { safeCreateQueue } from "eslint-plugin-pg-boss/runtime";

const boss = new PgBoss(process.env.DATABASE_URL);
await boss.start();
await safeCreateQueue(boss, "emails", { retryLimit: 2 });
