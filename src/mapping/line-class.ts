// Classifies one C line of a hunk: is it something the model executes, or text around code
// (comments, blank lines, lone braces, declarations without an initializer)?

/** executable lines should map to a step; the others never do. */
export type LineClass = 'executable' | 'comment' | 'blank' | 'brace' | 'declaration' | 'unmapped';

export interface ClassifiedLine {
  readonly lineClass: Exclude<LineClass, 'unmapped'>;
  /** Whether a block comment is still open after this line. */
  readonly inComment: boolean;
}

const DECLARATION_START = /^(?:static\s+|const\s+|unsigned\s+|signed\s+|long\s+|short\s+)*(?:int|long|char|short|void|unsigned|struct\s+\w+|enum\s+\w+|union\s+\w+|\w+_t)\b/;
const BRACE_ONLY = new Set(['{', '}', '};', 'else', '} else', '} else {', 'else {']);

/** `inComment` says whether the line starts inside a block comment. */
export function classifyCLine(text: string, inComment: boolean): ClassifiedLine {
  const code = stripComments(text, inComment);
  const trimmed = code.text.trim();
  if (trimmed === '') {
    const hadComment = inComment || code.sawComment;
    return { lineClass: hadComment ? 'comment' : 'blank', inComment: code.inComment };
  }
  if (trimmed.startsWith('#')) return { lineClass: 'comment', inComment: code.inComment };
  // A hunk can start inside a block comment: ` * text` and ` */` lines are its continuation.
  if (!inComment && /^\*(?:\s|\/|$)/.test(trimmed)) return { lineClass: 'comment', inComment: false };
  if (BRACE_ONLY.has(trimmed.replace(/\s+/g, ' '))) return { lineClass: 'brace', inComment: code.inComment };
  if (isBareDeclaration(trimmed)) return { lineClass: 'declaration', inComment: code.inComment };
  return { lineClass: 'executable', inComment: code.inComment };
}

/** `int offset;`, `struct pidmap *map;`, `int i, nr;` — storage only, nothing runs. */
function isBareDeclaration(code: string): boolean {
  return code.endsWith(';') && !code.includes('=') && !code.includes('(') && DECLARATION_START.test(code) && !/^return\b/.test(code);
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
