/** Lets test sources be written indented inside the test file: drops the first newline and the common indent. */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values)
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '\n');
  const indent = Math.min(
    ...raw
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => /^ */.exec(line)![0].length),
  );
  return raw
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}

/** The 1-based position ESLint reports for the first occurrence of `snippet` in `code`. */
export function locate(
  code: string,
  snippet: string,
  occurrence = 1,
): { line: number; column: number; endLine: number; endColumn: number } {
  let start = -1;
  for (let found = 0; found < occurrence; found++) {
    start = code.indexOf(snippet, start + 1);
    if (start === -1) throw new Error(`snippet not found: ${snippet}`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };
  const begin = position(start);
  const end = position(start + snippet.length);
  return { line: begin.line, column: begin.column, endLine: end.line, endColumn: end.column };
}
