// Encoding damage in a patch document: bytes that were not UTF-8 (decoded as U+FFFD, the
// replacement character) and NUL bytes. Neither belongs in a kernel patch mail; both are
// reported at their line and column, at most one problem per line and a bounded number in all.
import type { Diagnostics } from './diagnostics';
import { declaredCharsets, isKnownCharset } from './declared-charset';
import type { DocumentLines } from './document-lines';

/** Enough to show the damage without flooding the problem list of a binary file. */
const MAX_REPORTED = 20;

const REPLACEMENT = '\ufffd';

function describe(char: string): string {
  return char === REPLACEMENT
    ? 'invalid UTF-8 (a byte sequence that is not UTF-8, shown as U+FFFD)'
    : 'a NUL byte (a binary file, or text in another encoding such as UTF-16)';
}

/**
 * What to do about bytes that are not UTF-8 when the mail says which charset it is in: the file
 * was read as UTF-8 against the mail's word (VS Code's default), and read in that charset it is text.
 */
function charsetHint(lines: DocumentLines): string {
  // git send-email's "unknown-8bit" (and any label no decoder knows) names no encoding to reopen in.
  const charsets = declaredCharsets(lines.source).filter(isKnownCharset);
  if (charsets.length === 0) return '';
  return `; the mail declares charset ${charsets.join(', ')}: read the file in that encoding (in VS Code: Reopen with Encoding)`;
}

/** Reports encoding problems of the document lines (0-based line and character positions). */
export function reportEncodingProblems(lines: DocumentLines, diagnostics: Diagnostics): void {
  let reported = 0;
  let hint: string | undefined;
  for (let line = 0; line < lines.count && reported < MAX_REPORTED; line++) {
    const text = lines.text(line);
    const replacement = text.indexOf(REPLACEMENT);
    const nul = text.indexOf('\0');
    if (replacement < 0 && nul < 0) continue;
    const column = replacement < 0 ? nul : nul < 0 ? replacement : Math.min(replacement, nul);
    const range = { start: { line, character: column }, end: { line, character: column + 1 } };
    const char = text.charAt(column);
    if (char === REPLACEMENT) hint ??= charsetHint(lines);
    diagnostics.problem('error', 'invalid-encoding', range, `line ${line + 1}, column ${column + 1}: ${describe(char)}${char === REPLACEMENT ? hint : ''}`);
    reported++;
  }
}
