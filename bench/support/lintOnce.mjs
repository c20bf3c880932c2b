// One ESLint pass over a list of files with one configuration, for whole-process memory measurement:
// node -r ./reportMaxRss.cjs lintOnce.mjs <floor|ours|restricted> <file-list.json>
import fs from 'node:fs';
import { Linter } from 'eslint';
import { lintConfig } from './lintConfigs.mjs';

const [kind, listFile] = process.argv.slice(2);
const linter = new Linter({ configType: 'flat' });
const configs = new Map();
for (const file of JSON.parse(fs.readFileSync(listFile, 'utf8'))) {
  const key = file.slice(file.lastIndexOf('.'));
  if (!configs.has(key)) configs.set(key, lintConfig(kind, file));
  linter.verify(fs.readFileSync(file, 'utf8'), configs.get(key), { filename: file });
}
