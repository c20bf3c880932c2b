// One lint pass in a fresh process, so the project rules start with no project kept: `tree <kind>` lints
// every file of the list, `first <file>` lints one file with the floor (parser loaded and warm), then with
// the project rules (the project read). Prints the time of the lint calls alone and the project rules'
// reports, as JSON.
import fs from 'node:fs';
import { Linter } from 'eslint';
import { lintConfig } from './lintConfigs.mjs';

const [directory, task, argument] = process.argv.slice(2);
const linter = new Linter({ configType: 'flat', cwd: directory });

function lint(file, kind) {
  const text = fs.readFileSync(file, 'utf8');
  const start = process.hrtime.bigint();
  const messages = linter.verify(text, lintConfig(kind, file), { filename: file });
  // Some corpus files do not parse in every configuration: only the project rules' reports are counted.
  const reported = messages.filter((message) => message.ruleId?.startsWith('pg-boss/')).length;
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, reported };
}

if (task === 'tree') {
  const files = JSON.parse(fs.readFileSync(`${directory}.files.json`, 'utf8'));
  let total = 0;
  let reported = 0;
  for (const file of files) {
    const pass = lint(file, argument);
    total += pass.ms;
    reported += pass.reported;
  }
  console.log(JSON.stringify({ ms: total, reported }));
} else {
  lint(argument, 'floor');
  const floor = lint(argument, 'floor');
  const first = lint(argument, 'project');
  console.log(JSON.stringify({ floorMs: floor.ms, firstMs: first.ms, reported: first.reported }));
}
