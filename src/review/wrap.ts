// A reviewer's comment as mail text: plain lines, no trailing blanks, prose wrapped the way
// list mail is written (72 columns), code and quotes left exactly as typed.

export const DEFAULT_WRAP_WIDTH = 72;

/** Lines a wrap must not touch: indented code, quotes, lists' continuation, very long tokens. */
function keepAsTyped(line: string): boolean {
  return line.startsWith(' ') || line.startsWith('\t') || line.startsWith('>') || line.includes('\t');
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width || keepAsTyped(line)) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/ +/)) {
    if (word === '') continue;
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** The comment's lines: CRLF undone, trailing blanks removed, outer blank lines dropped, prose wrapped. */
export function commentLines(body: string, width = DEFAULT_WRAP_WIDTH): string[] {
  const lines = String(body).replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.flatMap((l) => wrapLine(l, Math.max(20, width)));
}
