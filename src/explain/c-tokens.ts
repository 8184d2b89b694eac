// A single-pass C tokenizer for one line of patch text. It never backtracks, looks at each
// character a bounded number of times, and stops after a fixed number of tokens, so any input
// (a 1 MB line, binary junk) costs time proportional to what it reads.

export type CTokenKind = 'identifier' | 'number' | 'string' | 'char' | 'punctuator' | 'comment' | 'other';

export interface CToken {
  readonly kind: CTokenKind;
  readonly text: string;
  /** Offset in the tokenized text. */
  readonly start: number;
}

export interface TokenizedLine {
  readonly tokens: readonly CToken[];
  /** True when the line was longer than the token limit and the rest was not read. */
  readonly truncated: boolean;
  /** True when a block comment opened on this line is still open at its end. */
  readonly endsInComment: boolean;
}

export const MAX_TOKENS = 2000;

// Longest first: the scanner takes the first entry that matches at the current position.
const PUNCTUATORS = [
  '<<=', '>>=', '...',
  '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '##',
];
const SINGLE_PUNCTUATORS = '{}[]()<>;:,.?!~+-*/%&|^=#\\';

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 10;
}

/**
 * Splits `text` into C tokens. `inComment` says the line starts inside a block comment
 * (a continuation line); the comment text up to `*\/` is then one comment token.
 */
export function tokenizeC(text: string, inComment = false, maxTokens = MAX_TOKENS): TokenizedLine {
  const tokens: CToken[] = [];
  const n = text.length;
  let i = 0;
  let endsInComment = false;
  const push = (kind: CTokenKind, start: number, end: number): void => {
    tokens.push({ kind, text: text.slice(start, end), start });
  };
  if (inComment) {
    const close = text.indexOf('*/');
    if (close < 0) {
      push('comment', 0, n);
      return { tokens, truncated: false, endsInComment: true };
    }
    push('comment', 0, close + 2);
    i = close + 2;
  }
  while (i < n) {
    if (tokens.length >= maxTokens) return { tokens, truncated: true, endsInComment };
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      push('identifier', start, i);
    } else if (isDigit(c) || (c === 46 && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) {
      // pp-number: digits, letters, dots and exponent signs, as the C preprocessor reads them.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isIdentPart(d) || d === 46) i++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(text[i - 1] ?? '')) i++;
        else break;
      }
      push('number', start, i);
    } else if (c === 34 || c === 39) {
      i++;
      while (i < n && text.charCodeAt(i) !== c) i += text.charCodeAt(i) === 92 ? 2 : 1;
      i = Math.min(i + 1, n);
      push(c === 34 ? 'string' : 'char', start, i);
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        i = n;
        endsInComment = true;
      } else {
        i = close + 2;
      }
      push('comment', start, i);
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      i = n;
      push('comment', start, i);
    } else {
      const op = PUNCTUATORS.find((p) => text.startsWith(p, i));
      if (op) {
        i += op.length;
        push('punctuator', start, i);
      } else if (SINGLE_PUNCTUATORS.includes(text[i] ?? '')) {
        i++;
        push('punctuator', start, i);
      } else {
        // Anything else (non-ASCII, @, `) is kept as one code point so nothing is lost.
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        push('other', start, i);
      }
    }
  }
  return { tokens, truncated: false, endsInComment };
}

/** The tokens that are code: comments dropped. */
export function codeTokens(tokens: readonly CToken[]): CToken[] {
  return tokens.filter((t) => t.kind !== 'comment');
}
