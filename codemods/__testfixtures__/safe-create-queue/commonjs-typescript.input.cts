import PgBoss = require('pg-boss');

const boss = new PgBoss('postgres://localhost/app');

export async function main() {
  await boss.createQueue('emails');
}
