// An error line is one line: bytes copied from the input (NUL, DEL, newlines, other control
// characters) are shown escaped, so a message never spills over several lines or moves the
// terminal's cursor.

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 controls, DEL, C1 controls, and the line/paragraph separators (matching them is the point).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`);
  });
}

/** One message for standard error: everything escaped but the line end that closes it. */
export function escapeMessage(text: string): string {
  const ends = text.endsWith('\n');
  const body = ends ? text.slice(0, -1) : text;
  return escapeControls(body) + (ends ? '\n' : '');
}
