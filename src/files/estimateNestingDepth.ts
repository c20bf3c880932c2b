/**
 * An upper bound, in tokens, on how deeply a parser must recurse to read `text`, found in one pass over
 * the characters without parsing; `Infinity` when the pass cannot be sure of its reading (a string,
 * comment or template left open, a bracket closed by another kind, or one never closed). parseWithOxc
 * asks it before handing a file to oxc, whose native parser has no depth limit: past the native stack it
 * kills the process with a segmentation fault that no `catch` sees.
 *
 * Every node a parser recurses into holds at least one token of its own, so the nesting at a point is
 * bounded by the tokens around it that may enclose it. The pass keeps, for each open bracket, the tokens
 * met in it since the last point where what follows can only be a sibling of what came before, and the
 * bound is the largest sum over the open brackets. Those points are:
 *
 * - a `;` not followed by `else` (an `if`'s body may end in one): the next statement starts at the
 *   statement list's own depth;
 * - a line break between a token that ends an expression and a word that cannot continue it (`x = a`
 *   then `foo()` on the next line, as semicolon-free code is written): the same, by automatic semicolon
 *   insertion; not after the `)` of an `if`, `for`, `while` or `with` head, whose body follows;
 * - a `,` directly inside `(`, `[` or a `<…>`: in an expression, a pattern or a type list the comma binds
 *   loosest, so everything before it is a finished sibling. Not inside `{` or at the top level, where
 *   `if (a) x, y` puts the comma under the `if`.
 *
 * `<` opens a level that a `>` closes, so `Array<Array<…>>` counts as nesting while the `<` of a
 * comparison only adds a level that the end of the statement or of the enclosing bracket closes. Counting each
 * punctuation character as a token, but for a few pairs, overcounts `===` or `>>=`, which only makes the
 * bound larger.
 *
 * Strings, comments, templates and regular expressions are skipped as a lexer reads them; `/` is a
 * division after what ends an expression and a regular expression elsewhere, as in every JavaScript
 * lexer that reads without parsing. JSX text is read as code, so an apostrophe or a lone bracket in it
 * gives `Infinity`: such a file is parsed by typescript-estree, never wrongly by oxc.
 */
export function estimateNestingDepth(text: string): number {
  const levels: Level[] = [{ opener: TOP, count: 0 }];
  let level = levels[0]!;
  /** Tokens counted on every open level: the bound at this point. */
  let total = 0;
  let deepest = 0;
  let previous: Previous = Previous.Operator;
  let lineBreakBefore = false;
  /** A `;` was read: the statement ends unless `else` comes next. */
  let statementEnded = false;
  /** The `)` just read closed an `if`, `for`, `while` or `with` head. */
  let closedHead = false;
  /** The last token was a word whose `(` opens a head (`if`, `for`…). */
  let headWord = false;

  const count = (weight = 1) => {
    level.count += weight;
    total += weight;
    if (total > deepest) deepest = total;
  };
  /** Ends the statement: the open `<` levels close and the statement list's own count starts again. */
  const endStatement = () => {
    while (level.opener === LESS_THAN) closeLevel();
    total -= level.count;
    level.count = 0;
  };
  const openLevel = (opener: number, head = false) => {
    count(BRACKET_WEIGHT);
    level = { opener, count: 0, head };
    levels.push(level);
  };
  const closeLevel = () => {
    total -= level.count;
    levels.pop();
    level = levels.at(-1)!;
  };
  /** Closes the innermost `(`, `[`, `{` or `${`, with the `<` levels inside it; false when another kind is open. */
  const closeBracket = (opener: number): boolean => {
    while (level.opener === LESS_THAN) closeLevel();
    if (level.opener !== opener) return false;
    const { head } = level;
    closeLevel();
    // Closed, the pair is one node to what follows (a call, an index, a group): one token, not the opener's weight.
    count(1 - BRACKET_WEIGHT);
    closedHead = head === true;
    return true;
  };

  // A hashbang line is a comment.
  let index = text.startsWith('#!') ? lineEnd(text, 0) : 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isLineBreak(code)) {
      lineBreakBefore = true;
      index++;
      continue;
    }
    if (
      code === SPACE ||
      code === TAB ||
      code === VERTICAL_TAB ||
      code === FORM_FEED ||
      code === NO_BREAK_SPACE ||
      code === BYTE_ORDER_MARK
    ) {
      index++;
      continue;
    }
    if (code === SLASH && text.charCodeAt(index + 1) === SLASH) {
      index = lineEnd(text, index);
      continue;
    }
    if (code === SLASH && text.charCodeAt(index + 1) === ASTERISK) {
      const end = text.indexOf('*/', index + 2);
      if (end === -1) return Infinity;
      for (let at = index + 2; at < end && !lineBreakBefore; at++) lineBreakBefore = isLineBreak(text.charCodeAt(at));
      index = end + 2;
      continue;
    }

    const word = isWordCharacter(code);
    if (statementEnded) {
      statementEnded = false;
      if (!(word && text.startsWith('else', index) && !isWordCharacter(text.charCodeAt(index + 4)))) endStatement();
    }
    // Not a template: after a line break, `` f`…` `` still tags the one before it.
    const startsOperand = word || code === QUOTE || code === DOUBLE_QUOTE;
    const endedOperand = previous === Previous.Operand || (previous === Previous.CloseParen && !closedHead);
    if (startsOperand && lineBreakBefore && endedOperand) {
      const end = word ? wordEnd(text, index) : index;
      if (!word || !CONTINUING_WORDS.has(text.slice(index, end))) endStatement();
    }
    lineBreakBefore = false;
    const wasClosedHead = closedHead;
    closedHead = false;

    if (word) {
      const end = wordEnd(text, index);
      const value = text.slice(index, end);
      count();
      headWord = HEAD_WORDS.has(value);
      previous = OPERATOR_WORDS.has(value) ? Previous.Operator : Previous.Operand;
      index = end;
      continue;
    }
    const openingHead = headWord;
    headWord = false;

    if (code === QUOTE || code === DOUBLE_QUOTE) {
      const end = stringEnd(text, index, code);
      if (end === -1) return Infinity;
      count();
      previous = Previous.Operand;
      index = end;
      continue;
    }
    if (code === CLOSE_BRACE) while (level.opener === LESS_THAN) closeLevel();
    if (code === BACKTICK || (code === CLOSE_BRACE && level.opener === TEMPLATE)) {
      if (code === CLOSE_BRACE) closeLevel();
      else count();
      const end = templateEnd(text, index + 1);
      if (end === -1) return Infinity;
      index = end;
      if (text.charCodeAt(index - 1) === OPEN_BRACE) {
        openLevel(TEMPLATE);
        previous = Previous.Operator;
      } else previous = Previous.Operand;
      continue;
    }
    // `</` closes a JSX element.
    const regExpAllowed = previous === Previous.Operator || (previous === Previous.CloseParen && wasClosedHead);
    if (code === SLASH && regExpAllowed && text.charCodeAt(index - 1) !== LESS_THAN) {
      const end = regExpEnd(text, index);
      if (end === -1) return Infinity;
      count();
      previous = Previous.Operand;
      index = end;
      continue;
    }

    index++;
    switch (code) {
      case OPEN_PAREN:
        openLevel(OPEN_PAREN, openingHead);
        previous = Previous.Operator;
        break;
      case OPEN_BRACKET:
      case OPEN_BRACE:
        openLevel(code);
        previous = Previous.Operator;
        break;
      case CLOSE_PAREN:
        if (!closeBracket(OPEN_PAREN)) return Infinity;
        previous = Previous.CloseParen;
        break;
      case CLOSE_BRACKET:
        if (!closeBracket(OPEN_BRACKET)) return Infinity;
        previous = Previous.Operand;
        break;
      case CLOSE_BRACE:
        if (!closeBracket(OPEN_BRACE)) return Infinity;
        previous = Previous.Operand;
        break;
      case LESS_THAN:
        openLevel(LESS_THAN);
        previous = Previous.Operator;
        break;
      case GREATER_THAN:
        count();
        // `>=` closes nothing.
        if (text.charCodeAt(index - 2) !== EQUALS && text.charCodeAt(index) !== EQUALS && level.opener === LESS_THAN)
          closeLevel();
        previous = Previous.Operator;
        break;
      case COMMA:
        count();
        if (level.opener !== OPEN_BRACE && level.opener !== TOP && level.opener !== TEMPLATE) {
          total -= level.count;
          level.count = 0;
        }
        previous = Previous.Operator;
        break;
      case SEMICOLON:
        count();
        statementEnded = true;
        previous = Previous.Operator;
        break;
      default:
        count();
        if (isPairedOperator(code, text.charCodeAt(index))) index++;
        previous = Previous.Operator;
    }
  }
  return levels.length === 1 ? deepest : Infinity;
}

/**
 * Whether `text` may nest deeper than `limit` (estimateNestingDepth). A file of fewer characters cannot:
 * each token takes a character at least and counts twice at most, so most files are not read at all.
 */
export function mayNestDeeperThan(text: string, limit: number): boolean {
  return text.length * BRACKET_WEIGHT > limit && estimateNestingDepth(text) > limit;
}

interface Level {
  /** The character code that opened it (TEMPLATE for `${`, TOP for the file). */
  readonly opener: number;
  /** Tokens read in it since it opened or since its last sibling boundary. */
  count: number;
  /** A `(` right after `if`, `for`, `while` or `with`: a statement follows its `)`. */
  readonly head?: boolean;
}

/** What the last token was, for reading `/` and line breaks. */
const enum Previous {
  /** A value (name, literal, `]`, `}`): `/` divides, a word after a line break starts a statement. */
  Operand,
  /** A `)`: like an operand, except after a statement head. */
  CloseParen,
  /** An operator or opening punctuation: `/` starts a regular expression. */
  Operator,
}

/** Words that, after a line break, still continue the statement before them. */
const CONTINUING_WORDS = new Set([
  'else',
  'in',
  'instanceof',
  'of',
  'as',
  'satisfies',
  'extends',
  'implements',
  'while',
  'catch',
  'finally',
  'is',
  'keyof',
]);
/**
 * Reserved words after which an expression or a statement must follow, and the type operators that chain
 * (`readonly readonly T[][]`): `/` after them starts a regular expression, and a line break after them
 * ends nothing. A name that is a keyword only in places (`type`, `get`, `from`, `async`) reads as a name.
 */
const OPERATOR_WORDS = new Set([
  ...CONTINUING_WORDS,
  ...['return', 'throw', 'typeof', 'void', 'delete', 'new', 'await', 'yield', 'case', 'do', 'default', 'export'],
  ...['import', 'const', 'let', 'var', 'if', 'for', 'with', 'switch', 'try', 'class', 'function'],
  ...['readonly', 'unique', 'infer', 'asserts'],
]);
/** Words whose `(` is a head with a statement after its `)`. */
const HEAD_WORDS = new Set(['if', 'for', 'while', 'with', 'await']);

/**
 * What an opening bracket counts for: oxc's native parser spends about twice the stack on a bracket as on
 * any other token (measured on oxc-parser 0.156: `(((…)))`, `[[[…]]]` and `{a:{a:…}}` overflow 8 MB at
 * 4,900 to 5,900 levels, chains of `=`, `=>` or `!` at 11,000 to 75,000).
 */
const BRACKET_WEIGHT = 2;
const TOP = -1;
const TEMPLATE = -2;
const TAB = 9;
const LINE_FEED = 10;
const VERTICAL_TAB = 11;
const FORM_FEED = 12;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const EXCLAMATION = 33;
const DOUBLE_QUOTE = 34;
const DOLLAR = 36;
const AMPERSAND = 38;
const QUOTE = 39;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const ASTERISK = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const SEMICOLON = 59;
const LESS_THAN = 60;
const EQUALS = 61;
const GREATER_THAN = 62;
const QUESTION = 63;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const BACKTICK = 96;
const OPEN_BRACE = 123;
const BAR = 124;
const CLOSE_BRACE = 125;
const NO_BREAK_SPACE = 0xa0;
const LINE_SEPARATOR = 0x2028;
const PARAGRAPH_SEPARATOR = 0x2029;
const BYTE_ORDER_MARK = 0xfeff;

/** A name, keyword or number character (`.5` and `1e-5` read as several tokens, which only adds to the count). */
function isWordCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === DOLLAR ||
    code === BACKSLASH ||
    (code > 127 &&
      code !== NO_BREAK_SPACE &&
      code !== LINE_SEPARATOR &&
      code !== PARAGRAPH_SEPARATOR &&
      code !== BYTE_ORDER_MARK)
  );
}

/**
 * `=>`, `&&`, `||`, `??`, `?.`, `==`, `!=`, `**`, `++` and `--`, each one token: an arrow function counts
 * what it holds. `!!` stays two, each a node of its own.
 */
function isPairedOperator(code: number, next: number): boolean {
  if (code === next)
    return (
      code === EQUALS ||
      code === AMPERSAND ||
      code === BAR ||
      code === QUESTION ||
      code === ASTERISK ||
      code === PLUS ||
      code === MINUS
    );
  return (
    (code === EQUALS && next === GREATER_THAN) ||
    (code === QUESTION && next === DOT) ||
    (code === EXCLAMATION && next === EQUALS)
  );
}

function wordEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && isWordCharacter(text.charCodeAt(index))) index++;
  return index;
}

function isLineBreak(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN || code === LINE_SEPARATOR || code === PARAGRAPH_SEPARATOR;
}

function lineEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length && !isLineBreak(text.charCodeAt(index))) index++;
  return index;
}

/** The index after the closing quote, or -1 when the line (or the file) ends first. */
function stringEnd(text: string, start: number, quote: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === quote) return index + 1;
    if (code === BACKSLASH) {
      // An escaped line break continues the string; `\r\n` is one.
      if (text.charCodeAt(index + 1) === CARRIAGE_RETURN && text.charCodeAt(index + 2) === LINE_FEED) index++;
      index++;
    } else if (code === LINE_FEED || code === CARRIAGE_RETURN) return -1;
  }
  return -1;
}

/** From inside a template, the index after its closing `` ` `` or after a `${`; -1 when the file ends first. */
function templateEnd(text: string, start: number): number {
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH) index++;
    else if (code === BACKTICK) return index + 1;
    else if (code === DOLLAR && text.charCodeAt(index + 1) === OPEN_BRACE) return index + 2;
  }
  return -1;
}

/** The index after a regular expression's flags, or -1 when the line ends before its closing `/`. */
function regExpEnd(text: string, start: number): number {
  let inClass = false;
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH) index++;
    else if (isLineBreak(code)) return -1;
    else if (code === OPEN_BRACKET) inClass = true;
    else if (code === CLOSE_BRACKET) inClass = false;
    else if (code === SLASH && !inClass) return wordEnd(text, index);
  }
  return -1;
}
