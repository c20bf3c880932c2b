import { PgBoss } from "pg-boss";
import { safeCreateQueue } from "pg-boss-safe-create-queue";

const boss = new PgBoss(process.env.DATABASE_URL);
await boss.start();
await safeCreateQueue(boss, "emails", { retryLimit: 2 });
