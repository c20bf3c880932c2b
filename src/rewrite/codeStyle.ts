import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';

/** How the file writes code, so that an inserted line looks like its neighbours. */
export interface CodeStyle {
  readonly quote: "'" | '"';
  readonly semicolon: boolean;
  readonly lineEnding: LineEnding;
}

export type LineEnding = '\n' | '\r\n';

/** Statements that end with `;` in a file that uses semicolons. */
const TERMINATED_STATEMENTS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ExpressionStatement,
]);

/** Per parsed file: the rule plans one rewrite per report, and a file can hold thousands of calls. */
const styles = new WeakMap<TSESTree.Program, CodeStyle>();

/**
 * The file's most used string quote (single when tied or unknown), whether its statements end with `;`,
 * and its line ending; read once per parsed file.
 */
export function detectCodeStyle(text: string, program: TSESTree.Program): CodeStyle {
  let style = styles.get(program);
  if (!style) {
    style = readCodeStyle(text, program);
    styles.set(program, style);
  }
  return style;
}

function readCodeStyle(text: string, program: TSESTree.Program): CodeStyle {
  let single = 0;
  let double = 0;
  for (const token of program.tokens ?? []) {
    if (token.type !== AST_TOKEN_TYPES.String) continue;
    if (token.value.startsWith('"')) double++;
    else if (token.value.startsWith("'")) single++;
  }
  const statement = program.body.find((node) => TERMINATED_STATEMENTS.has(node.type));
  const semicolon = statement ? text[statement.range[1] - 1] === ';' : true;
  return { quote: double > single ? '"' : "'", semicolon, lineEnding: detectLineEnding(text) };
}

/** CRLF when most of the file's lines end that way, so an inserted line does not mix endings in a Windows file. */
function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    if (text[index - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
