// tsc --module commonjs --esModuleInterop output: the helper's require goes after the last one, wrapped or not.
"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.start = start;
const pg_boss_1 = require("pg-boss");
const settings_1 = require("./settings");
const express_1 = __importDefault(require("express"));
const { safeCreateQueue } = require("pg-boss-safe-create-queue");
const boss = new pg_boss_1.PgBoss(settings_1.settings.databaseUrl);
async function start() {
    await boss.start();
    await safeCreateQueue(boss, 'emails');
    (0, express_1.default)().listen(settings_1.settings.port);
}
