import fs from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../../codemods/__testfixtures__/safe-create-queue');

export interface FixturePair {
  /** The case name and extension: `class-members (.ts)`. */
  readonly title: string;
  /** A path with the fixture's extension, for the parser choice. */
  readonly file: string;
  readonly input: string;
  readonly output: string;
}

/** Every `<case>.input.<ext>` with its `<case>.output.<ext>`; a missing output is an error, not a skip. */
export function loadFixturePairs(): FixturePair[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((name) => name.includes('.input.'))
    .sort()
    .map((name) => {
      const outputName = name.replace('.input.', '.output.');
      const extension = path.extname(name);
      return {
        title: `${name.slice(0, name.indexOf('.input.'))} (${extension})`,
        file: path.join(FIXTURES, name),
        input: fs.readFileSync(path.join(FIXTURES, name), 'utf8'),
        output: fs.readFileSync(path.join(FIXTURES, outputName), 'utf8'),
      };
    });
}
