// A reply that quotes the patch it reviews: "> " prefixes on the patch lines, the reviewer's
// comments between them. The quoted lines are read as the patch; the comments become
// interruptions that the diff reader steps over. A quoted cut ("> [...]", "> <snip>") marks
// where the reviewer left lines out; it is neither patch text nor comment.
import type { Diagnostics } from './diagnostics';
import { fileStartKind, HUNK_HEADER } from './line-kinds';
import { sliceLine, withFlags, type SourceLine } from './positions';

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

/** The length of `depth` levels of quoting at the start of a line ("> > ", ">> "), or -1 if it has fewer. */
function quotePrefixAt(text: string, depth: number): number {
  let length = 0;
  for (let level = 0; level < depth; level++) {
    const one = quotePrefixLength(text.slice(length, length + 2));
    if (one === 0) return -1;
    length += one;
  }
  return length;
}

/** A reply to a reply quotes the patch deeper: ">> +line". Deeper than this is not looked for. */
const MAX_QUOTE_DEPTH = 6;

/**
 * Unquotes the patch when it appears only inside quotes, at the shallowest quote depth that shows
 * it (a reply to a reply quotes it at depth 2); otherwise returns undefined. Lines quoted less
 * deeply are the replies' own words.
 */
export function unquoteReply(lines: readonly SourceLine[], diagnostics: Diagnostics, mayBeQuoted = true): SourceLine[] | undefined {
  // `mayBeQuoted` false: the lines are the document's, and no line of it starts with ">".
  if (!mayBeQuoted || !lines.some((l) => l.text.startsWith('>'))) return undefined;
  if (hasDiffStart(lines)) return undefined;
  for (let depth = 1; depth <= MAX_QUOTE_DEPTH; depth++) {
    const prefixes = lines.map((line) => quotePrefixAt(line.text, depth));
    if (!prefixes.some((length) => length > 0)) return undefined;
    const unquoted: SourceLine[] = lines.map((line, i) => {
      const length = prefixes[i];
      if (length < 0) return withFlags(line, { marker: 'interruption' });
      const quoted = sliceLine(line, length);
      return isCutMarker(quoted.text) ? withFlags(quoted, { marker: 'cut' }) : quoted;
    });
    if (!hasDiffStart(unquoted)) continue;
    lines.forEach((line, i) => {
      const length = prefixes[i];
      if (length > 0 && unquoted[i].marker !== 'cut') {
        diagnostics.repairIn('quoted-reply-prefix', line, line.text.slice(0, length), '',
          depth === 1 ? 'the patch is quoted in a reply; the quote prefix is not part of it' : `the patch is quoted ${depth} levels deep in a reply to a reply; the quote prefix is not part of it`, 0, length);
      }
    });
    return unquoted;
  }
  return undefined;
}
