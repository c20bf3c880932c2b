// Where a rule's time goes, from a CPU profile of lints (`node --cpu-prof … lintOnce.mjs`): every sample
// taken inside the rule's own file (its `create` and its listeners, up to the outermost such frame), as
// the share each function holds with what it calls (inclusive) and alone (self). Shares, not times: on a
// shared machine the load moves the times, while the shares of one profile stay comparable.
// node ruleProfile.mjs <file.cpuprofile> [rule file, default rules/no-bare-create-queue.js] [rows, default 40]
import fs from 'node:fs';

const [profileFile, ruleFile = 'rules/no-bare-create-queue.js', rowsText = '40'] = process.argv.slice(2);
const { nodes, samples } = JSON.parse(fs.readFileSync(profileFile, 'utf8'));

const byId = new Map(nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

/** `name file:line`, with paths cut to what tells them apart: the package, or the build's own path. */
function label({ callFrame }) {
  const file = callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '');
  return `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
}

const hits = new Map();
for (const id of samples) hits.set(id, (hits.get(id) ?? 0) + 1);

const inclusive = new Map();
const self = new Map();
let inRule = 0;
for (const [id, count] of hits) {
  const stack = [];
  for (let current = id; current !== undefined; current = parentOf.get(current)) stack.push(byId.get(current));
  const outermost = stack.findLastIndex((node) => node.callFrame.url.endsWith(ruleFile));
  if (outermost === -1) continue;
  inRule += count;
  const leaf = label(stack[0]);
  self.set(leaf, (self.get(leaf) ?? 0) + count);
  // A recursive function counts once per sample.
  for (const name of new Set(stack.slice(0, outermost + 1).map(label)))
    inclusive.set(name, (inclusive.get(name) ?? 0) + count);
}

const rows = Number(rowsText);
function print(title, counts) {
  console.log(`\n${title}`);
  for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.log(`${String(count).padStart(7)} ${((100 * count) / inRule).toFixed(1).padStart(5)} %  ${name}`);
}
console.log(`${inRule} of ${samples.length} samples inside ${ruleFile}`);
print('inclusive (with what it calls)', inclusive);
print('self', self);
