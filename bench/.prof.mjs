import path from 'node:path';
import { Linter } from 'eslint';
import { generatedAppFiles, workDirectory } from './support/corpus.mjs';
import { lintConfig } from './support/lintConfigs.mjs';
const linter = new Linter({ configType: 'flat' });
const files = generatedAppFiles(200).map(({ name, text }) => ({ file: path.join(workDirectory, 'x', name), text }));
const cfg = { ours: lintConfig('ours', 'a.ts'), restricted: lintConfig('restricted', 'a.ts') };
for (const kind of ['ours', 'restricted', 'ours', 'restricted']) {
  let rule = 0;
  for (let i = 0; i < 40; i++)
    for (const { file, text } of files) {
      linter.verifyAndFix(text, cfg[kind], { filename: file, stats: true, fix: false });
      const [p] = linter.getTimes().passes;
      rule += Object.values(p.rules ?? {})[0]?.total ?? 0;
    }
  console.log(kind, (rule / 5).toFixed(1), 'ms per 200 files');
}
