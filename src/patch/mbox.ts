// Splits a document into mails. An mbox separates mails with "From " lines; a single mail or a
// bare diff is one mail covering the whole document.

export interface MailSpan {
  /** First document line of the mail (the "From " line itself is excluded). */
  readonly start: number;
  /** One past the last document line. */
  readonly end: number;
  /** The "From " separator line, when the mail came from an mbox. */
  readonly separatorLine?: number;
}

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{0,76}:/;

/** "From sender date..." followed by a header line: a separator, not a body line. */
function isSeparator(lines: readonly string[], i: number): boolean {
  const line = lines[i];
  if (!line.startsWith('From ') || line.length > 1000) return false;
  if (!/^From \S+/.test(line)) return false;
  const next = lines[i + 1];
  return next !== undefined && HEADER_LINE.test(next);
}

/** Whether the document is an mbox: its first non-blank line is a "From " separator. */
export function isMbox(lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    return isSeparator(lines, i);
  }
  return false;
}

export function splitMails(lines: readonly string[]): MailSpan[] {
  if (!isMbox(lines)) return [{ start: 0, end: lines.length }];
  const spans: MailSpan[] = [];
  let current: { start: number; separatorLine: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    // mbox bodies escape their own "From " lines, so a separator needs only a blank line before it.
    const atBoundary = i === 0 || lines[i - 1].replace(/\r$/, '') === '' || current === undefined;
    if (atBoundary && isSeparator(lines, i)) {
      if (current) spans.push({ start: current.start, end: i, separatorLine: current.separatorLine });
      current = { start: i + 1, separatorLine: i };
    }
  }
  if (current) spans.push({ start: current.start, end: lines.length, separatorLine: current.separatorLine });
  return spans;
}

/** mboxrd escaping: ">From ", ">>From " ... lose one '>' when read back. */
export function unescapeFromLine(text: string): string | undefined {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 62 /* > */) i++;
  if (i === 0 || !text.startsWith('From ', i)) return undefined;
  return text.slice(1);
}
