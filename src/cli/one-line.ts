// An error line is one line: bytes copied from the input (NUL, DEL, newlines, other control
// characters) are shown escaped, so a message never spills over several lines or moves the
// terminal's cursor.

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 controls, DEL, C1 controls, and the line/paragraph separators (matching them is the point).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** The same characters but the line feed: a text joined by "\n" holds no other when no part needs escaping. */
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`);
  });
}

/**
 * The lines joined by "\n", each escaped: one search of the joined text instead of a replace per
 * line, since the output of a clean parse (thousands of file and hunk lines) needs no escape.
 */
export function joinEscaped(lines: readonly string[]): string {
  const text = lines.join('\n');
  return CONTROL_BUT_NEWLINE.test(text) || lines.some((line) => line.includes('\n')) ? lines.map(escapeControls).join('\n') : text;
}

/** One message for standard error: everything escaped but the line end that closes it. */
export function escapeMessage(text: string): string {
  const ends = text.endsWith('\n');
  const body = ends ? text.slice(0, -1) : text;
  return escapeControls(body) + (ends ? '\n' : '');
}
