// Review trailers: the ones a reviewer gives (Reviewed-by, Acked-by, Tested-by), and the ones
// collected from replies in a series, read from the reviewer's own (unquoted) lines.
import type { Mail } from '../patch/model';
import { isTrailerKey } from '../patch/trailers';
import { isComplete, trailerAddress, type Identity } from './identity';

export const REVIEW_TRAILER_KINDS = ['Reviewed-by', 'Acked-by', 'Tested-by'] as const;
export type ReviewTrailerKind = (typeof REVIEW_TRAILER_KINDS)[number];

/** The trailer kinds named in a setting value; unknown names and non-strings are ignored. */
export function trailerKindsFrom(value: unknown): ReviewTrailerKind[] {
  if (!Array.isArray(value)) return [];
  const out: ReviewTrailerKind[] = [];
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const kind = REVIEW_TRAILER_KINDS.find((k) => k.toLowerCase() === item.trim().toLowerCase().replace(/:$/, ''));
    if (kind && !out.includes(kind)) out.push(kind);
  }
  return out;
}

/** "Reviewed-by: Name <address>", or undefined when the identity cannot sign. */
export function formatTrailer(kind: ReviewTrailerKind, identity: Identity): string | undefined {
  return isComplete(identity) ? `${kind}: ${trailerAddress(identity)}` : undefined;
}

export interface GivenTrailer {
  readonly key: string;
  readonly value: string;
  /** 0-based document line. */
  readonly line: number;
}

const TRAILER_LINE = /^([A-Za-z][A-Za-z0-9-]{0,60}):[ \t]+(\S.{0,500})$/;

/**
 * The trailers a reply gives: "-by" trailers on the reply's own lines (not quoted with ">"),
 * after its header block. Signed-off-by is the author's, not a reviewer's, and is left out.
 */
export function replyTrailers(documentLines: readonly string[], mail: Mail): GivenTrailer[] {
  const out: GivenTrailer[] = [];
  const start = Math.max(0, mail.range.start.line);
  const end = Math.min(documentLines.length - 1, mail.range.end.line);
  let line = start;
  // Skip the mbox separator and the header block: trailers live in the body.
  if (documentLines[line]?.startsWith('From ')) line++;
  if (/^[A-Za-z][A-Za-z0-9-]*:/.test(documentLines[line] ?? '')) {
    while (line <= end && documentLines[line].trim() !== '') line++;
  }
  for (; line <= end; line++) {
    const text = documentLines[line].replace(/\r$/, '');
    if (text.startsWith('>')) continue;
    const match = TRAILER_LINE.exec(text.trim());
    if (!match || !isTrailerKey(match[1])) continue;
    if (!match[1].toLowerCase().endsWith('-by') || match[1].toLowerCase() === 'signed-off-by') continue;
    out.push({ key: match[1], value: match[2].trim(), line });
  }
  return out;
}
