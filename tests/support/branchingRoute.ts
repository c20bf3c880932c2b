/**
 * A module whose one function routes a key through `branches` `if`s, each guarding a pg-boss call: even
 * branches declare their queue, odd ones send to theirs. `else-if` chains them, so each branch nests one
 * level deeper than the last; `separate` writes them one after the other in the function's block. Either
 * way an analysis that reads every test above or before each call does work that grows with the square
 * of the branches. `inLoop` puts each call in a loop over its one queue name, so each has a pass of its own.
 */
export function branchingRoute(branches: number, shape: 'else-if' | 'separate', inLoop = false): string {
  const lines = [
    "import { PgBoss } from 'pg-boss';",
    "const boss = new PgBoss('postgres://localhost/app');",
    'export async function route(key: string) {',
  ];
  for (let branch = 0; branch < branches; branch++) {
    const queue = `q${branch}`;
    const name = inLoop ? 'name' : `'${queue}'`;
    const method = branch % 2 === 0 ? `createQueue(${name})` : `send(${name}, {})`;
    const call = inLoop ? `for (const name of ['${queue}']) await boss.${method}` : `await boss.${method}`;
    const keyword = branch > 0 && shape === 'else-if' ? 'else if' : 'if';
    lines.push(`  ${keyword} (key === '${queue}') ${call};`);
  }
  lines.push('}', '');
  return lines.join('\n');
}
