/**
 * A module whose one function routes a key through `branches` `if`s, each guarding a pg-boss call: even
 * branches declare their queue, odd ones send to theirs. `else-if` chains them, so each branch nests one
 * level deeper than the last; `separate` writes them one after the other in the function's block. Either
 * way an analysis that reads every test above or before each call does work that grows with the square
 * of the branches.
 */
export function branchingRoute(branches: number, shape: 'else-if' | 'separate'): string {
  const lines = [
    "import { PgBoss } from 'pg-boss';",
    "const boss = new PgBoss('postgres://localhost/app');",
    'export async function route(key: string) {',
  ];
  for (let branch = 0; branch < branches; branch++) {
    const queue = `q${branch}`;
    const call = branch % 2 === 0 ? `boss.createQueue('${queue}')` : `boss.send('${queue}', {})`;
    const keyword = branch > 0 && shape === 'else-if' ? 'else if' : 'if';
    lines.push(`  ${keyword} (key === '${queue}') await ${call};`);
  }
  lines.push('}', '');
  return lines.join('\n');
}
