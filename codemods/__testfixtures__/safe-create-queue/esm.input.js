import { PgBoss } from "pg-boss";

const boss = new PgBoss(process.env.DATABASE_URL);
await boss.start();
await boss.createQueue("emails", { retryLimit: 2 });
