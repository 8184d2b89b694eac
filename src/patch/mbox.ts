// Splits a document into mails. An mbox separates mails with "From " lines; a single mail or a
// bare diff is one mail covering the whole document.
import type { DocumentLines } from './document-lines';

export interface MailSpan {
  /** First document line of the mail (the "From " line itself is excluded). */
  readonly start: number;
  /** One past the last document line. */
  readonly end: number;
  /** The "From " separator line, when the mail came from an mbox. */
  readonly separatorLine?: number;
}

const DIGIT = /[0-9]/;

/**
 * git mailsplit's rule for a separator: a line starting "From " (at least 20 characters) whose
 * last colon sits in a time like "12:34" — digits two and four before it and two after it —
 * followed by a year after 90. Any such line starts a new mail, blank line before it or not
 * (format-patch output puts the next "From <sha> Mon Sep 17 00:00:00 2001" right after the
 * signature); a body line like "From the start:" does not qualify.
 */
function isSeparator(lines: DocumentLines, i: number): boolean {
  // Only a line starting with F is cut out of the document to be looked at.
  if (lines.firstCharCode(i) !== 70 /* F */) return false;
  const text = lines.text(i);
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (line.length < 20 || line.length > 1000 || !line.startsWith('From ')) return false;
  const colon = line.lastIndexOf(':', line.length - 2);
  if (colon < 5 + 4) return false;
  if (![colon - 4, colon - 2, colon - 1, colon + 1, colon + 2].every((at) => DIGIT.test(line.charAt(at)))) return false;
  const year = /^\s*(\d+)/.exec(line.slice(colon + 3));
  return year !== null && Number(year[1]) > 90;
}

/** Whether the document is an mbox: its first non-blank line is a "From " separator. */
export function isMbox(lines: DocumentLines): boolean {
  for (let i = 0; i < lines.count; i++) {
    if (lines.text(i).trim() === '') continue;
    return isSeparator(lines, i);
  }
  return false;
}

export function splitMails(lines: DocumentLines): MailSpan[] {
  if (!isMbox(lines)) return [{ start: 0, end: lines.count }];
  const spans: MailSpan[] = [];
  let current: { start: number; separatorLine: number } | undefined;
  for (let i = 0; i < lines.count; i++) {
    if (isSeparator(lines, i)) {
      if (current) spans.push({ start: current.start, end: i, separatorLine: current.separatorLine });
      current = { start: i + 1, separatorLine: i };
    }
  }
  if (current) spans.push({ start: current.start, end: lines.count, separatorLine: current.separatorLine });
  return spans;
}

/** mboxrd escaping: ">From ", ">>From " ... lose one '>' when read back. */
export function unescapeFromLine(text: string): string | undefined {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 62 /* > */) i++;
  if (i === 0 || !text.startsWith('From ', i)) return undefined;
  return text.slice(1);
}
