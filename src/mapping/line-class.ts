// Classifies one C line of a hunk: is it something the model executes, or text around code
// (comments, blank lines, lone braces, preprocessor lines, declarations)?

/** executable lines should map to a step; the others never do. */
export type LineClass = 'executable' | 'comment' | 'blank' | 'brace' | 'declaration' | 'preprocessor' | 'unmapped';

/** Where the previous line left off: inside a block comment, or in a macro continued by `\`. */
export interface LineState {
  readonly inComment: boolean;
  readonly inDirective: boolean;
}

export const START_OF_CODE: LineState = { inComment: false, inDirective: false };

export interface ClassifiedLine extends LineState {
  readonly lineClass: Exclude<LineClass, 'unmapped'>;
}

const TYPE_QUALIFIERS = String.raw`(?:extern\s+|static\s+|inline\s+|const\s+|volatile\s+|typedef\s+|unsigned\s+|signed\s+|long\s+|short\s+)*`;
const DECLARATION_START = new RegExp(String.raw`^${TYPE_QUALIFIERS}(?:int|long|char|short|void|unsigned|bool|struct\s+\w+|enum\s+\w+|union\s+\w+|\w+_t)\b`);
/** `struct next_syscall_data {`, `typedef union x {`, `enum pid_type {`: a type's body opens. */
const TYPE_BODY_START = new RegExp(String.raw`^${TYPE_QUALIFIERS}(?:struct|union|enum)(?:\s+\w+)?\s*\{$`);
const BRACE_ONLY = new Set(['{', '}', '};', 'else', '} else', '} else {', 'else {']);

/** `state` says where the previous line of the same image left off. */
export function classifyCLine(text: string, state: LineState): ClassifiedLine {
  // A directive runs to the end of its line and on through lines ending in a backslash.
  if (state.inDirective || /^\s*#/.test(text)) {
    const inComment = stripComments(text, state.inComment && !state.inDirective).inComment;
    return { lineClass: 'preprocessor', inComment, inDirective: /\\\s*$/.test(text) };
  }
  const inComment = state.inComment;
  const code = stripComments(text, inComment);
  const trimmed = code.text.trim();
  const next = { inComment: code.inComment, inDirective: false };
  if (trimmed === '') {
    const hadComment = inComment || code.sawComment;
    return { lineClass: hadComment ? 'comment' : 'blank', ...next };
  }
  // A hunk can start inside a block comment: ` * text` and ` */` lines are its continuation.
  if (!inComment && /^\*(?:\s|\/|$)/.test(trimmed)) return { lineClass: 'comment', inComment: false, inDirective: false };
  if (BRACE_ONLY.has(trimmed.replace(/\s+/g, ' '))) return { lineClass: 'brace', ...next };
  if (isDeclaration(trimmed)) return { lineClass: 'declaration', ...next };
  return { lineClass: 'executable', ...next };
}

/**
 * Nothing runs: `int offset;`, `struct pidmap *map;`, a prototype `extern int f(struct x *);`,
 * or the head of a type's body `struct next_syscall_data {`.
 */
function isDeclaration(code: string): boolean {
  if (TYPE_BODY_START.test(code)) return true;
  // Starting with a type and without an initializer, parentheses only make it a prototype.
  return code.endsWith(';') && !code.includes('=') && DECLARATION_START.test(code);
}

/** Removes block and line comments, remembering whether one stays open. Linear in the length. */
function stripComments(text: string, startsInComment: boolean): { text: string; inComment: boolean; sawComment: boolean } {
  let out = '';
  let inComment = startsInComment;
  let sawComment = startsInComment;
  let i = 0;
  while (i < text.length) {
    if (inComment) {
      const end = text.indexOf('*/', i);
      if (end < 0) return { text: out, inComment: true, sawComment: true };
      i = end + 2;
      inComment = false;
      continue;
    }
    const open = text.indexOf('/*', i);
    const line = text.indexOf('//', i);
    if (line >= 0 && (open < 0 || line < open)) {
      out += text.slice(i, line);
      return { text: out, inComment: false, sawComment: true };
    }
    if (open < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, open) + ' ';
    sawComment = true;
    inComment = true;
    i = open + 2;
  }
  return { text: out, inComment, sawComment };
}
