// A reply that quotes the patch it reviews: "> " prefixes on the patch lines, the reviewer's
// comments between them. The quoted lines are read as the patch; the comments become
// interruptions that the diff reader steps over. A quoted cut ("> [...]", "> <snip>") marks
// where the reviewer left lines out; it is neither patch text nor comment.
import type { Diagnostics } from './diagnostics';
import { fileStartKind, HUNK_HEADER } from './line-kinds';
import { rangeOf, sliceLine, withFlags, type SourceLine } from './positions';

/** The length of one level of quoting at the start of a line: ">" and an optional space. */
function quotePrefixLength(text: string): number {
  if (text.charCodeAt(0) !== 62 /* > */) return 0;
  return text.charCodeAt(1) === 32 ? 2 : 1;
}

/** "[...]", "[ ... ]", "[..]", "...", "<snip>", "[snip]": how reviewers mark lines left out of a quote. */
const CUT_MARKER = /^(?:\[\s*(?:\.{2,}|\u2026|snip(?:ped)?)\s*\]|<\s*(?:\.{2,}|\u2026|snip(?:ped)?)\s*>|\.{3,}|\u2026)\s*$/i;

/** A quoted line, its quote prefix removed, that marks a cut. A leading space makes it a context line. */
export function isCutMarker(text: string): boolean {
  return text.length <= 40 && CUT_MARKER.test(text);
}

function hasDiffStart(lines: readonly SourceLine[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (text.startsWith('@@ -') && text.length < 100_000 && HUNK_HEADER.test(text)) return true;
    if ((text.startsWith('diff ') || text.startsWith('Index: ') || text.startsWith('--- ')) && fileStartKind(lines, i) !== undefined) return true;
  }
  return false;
}

/** Unquotes one level when the patch appears only inside quotes; otherwise returns undefined. */
export function unquoteReply(lines: readonly SourceLine[], diagnostics: Diagnostics): SourceLine[] | undefined {
  if (!lines.some((l) => l.text.startsWith('>'))) return undefined;
  if (hasDiffStart(lines)) return undefined;
  const unquoted: SourceLine[] = lines.map((line) => {
    const length = quotePrefixLength(line.text);
    if (length === 0) return withFlags(line, { marker: 'interruption' });
    const quoted = sliceLine(line, length);
    return isCutMarker(quoted.text) ? withFlags(quoted, { marker: 'cut' }) : quoted;
  });
  if (!hasDiffStart(unquoted)) return undefined;
  lines.forEach((line, i) => {
    const length = quotePrefixLength(line.text);
    if (length > 0 && unquoted[i].marker !== 'cut') {
      diagnostics.repair('quoted-reply-prefix', rangeOf(line, 0, length), line.text.slice(0, length), '', 'the patch is quoted in a reply; the quote prefix is not part of it');
    }
  });
  return unquoted;
}
