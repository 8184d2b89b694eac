// The damage web archives and mail clients do to a patch, applied to a clean fixture so that the
// damaged copy can be compared with its clean twin. Each function damages every place it can.

function mapLines(text: string, fn: (line: string, index: number, lines: string[]) => string): string {
  const lines = text.split('\n');
  return lines.map((line, i) => fn(line, i, lines)).join('\n');
}

/** Index of the first line of the diff: `diff --git`, `Index:` or a `diff -up` command. */
function diffStart(lines: string[]): number {
  const i = lines.findIndex((l) => l.startsWith('diff ') || l.startsWith('Index: '));
  return i < 0 ? 0 : i;
}

/** Is line i inside a hunk body (after an @@ header, before the next header)? */
function hunkBodyFlags(lines: string[]): boolean[] {
  const flags: boolean[] = [];
  let inside = false;
  for (const line of lines) {
    if (line.startsWith('@@ ')) {
      flags.push(false);
      inside = true;
      continue;
    }
    if (line.startsWith('diff ') || line.startsWith('Index: ') || line === '-- ' || line === '--') inside = false;
    flags.push(inside && (line === '' || ' +-\\'.includes(line[0])));
  }
  return flags;
}

export function markdownEscapes(text: string): string {
  return text.replace(/_/g, '\\_');
}

export function trailingDoubleSpaces(text: string): string {
  return mapLines(text, (line) => (line === '' ? line : line + '  '));
}

/** Context lines lose their leading space, as when an archive trims each line. */
export function lostLeadingSpaces(text: string): string {
  const lines = text.split('\n');
  const inHunk = hunkBodyFlags(lines);
  return lines
    .map((line, i) => {
      if (!inHunk[i] || !line.startsWith(' ')) return line;
      const rest = line.slice(1);
      // A context line whose text starts like another kind of line cannot lose its prefix unnoticed.
      if (/^[-+\\@=]|^diff |^Index: /.test(rest)) return line;
      return rest;
    })
    .join('\n');
}

/** The diff wrapped in code fences, each hunk cut in two after its second line. */
export function fencesSplittingHunks(text: string): string {
  const lines = text.split('\n');
  const start = diffStart(lines);
  const out = lines.slice(0, start);
  out.push('```');
  let sinceHeader = -1;
  for (const line of lines.slice(start)) {
    if (line.startsWith('@@ ')) sinceHeader = 0;
    else if (sinceHeader >= 0) sinceHeader++;
    out.push(line);
    if (sinceHeader === 2) out.push('```', '', '```', '');
  }
  out.push('```');
  return out.join('\n');
}

/** As fencesSplittingHunks, but a page without fences: only the blank lines between the blocks remain. */
export function blankLinesSplittingHunks(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let sinceHeader = -1;
  for (const line of lines) {
    if (line.startsWith('@@ ')) sinceHeader = 0;
    else if (sinceHeader >= 0) sinceHeader++;
    out.push(line);
    if (sinceHeader === 2) out.push('', '');
  }
  return out.join('\n');
}

/** Every space written as a no-break space (U+00A0): a page's `&nbsp;` copied as text. */
export function noBreakSpaces(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

/** A blank line after every line: a page copied with each line in a paragraph of its own. */
export function doubleSpaced(text: string): string {
  return text.split('\n').join('\n\n');
}

export function htmlEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function obfuscatedAddresses(text: string): string {
  return text.replace(/<([\w.+-]+)@([\w.-]+)>/g, '<$1 at $2>');
}

/** A quilt separator glued to the `---` line after it. */
export function mergedSeparator(text: string): string {
  return text.replace(/^(={10,})\n--- /m, '$1--- ');
}

/** Everything a markdown archive does at once. */
export function archiveCopy(text: string): string {
  return trailingDoubleSpaces(fencesSplittingHunks(lostLeadingSpaces(markdownEscapes(mergedSeparator(text)))));
}
