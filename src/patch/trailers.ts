// Trailers of a commit message: "Signed-off-by: Name <addr>", "Fixes: 123abc (\"title\")", ...
import type { Trailer } from './model';
import { lineOf, type SourceLine } from './positions';

const KNOWN = new Set(['cc', 'fixes', 'link', 'closes', 'bug', 'change-id', 'message-id', 'patchwork-id', 'git-commit']);
const TRAILER = /^([A-Za-z][A-Za-z0-9-]{0,60}):\s+(\S.*)$/;

/** Whether a key is a trailer key: one of the well-known ones, or any "...-by" (Signed-off-by, Co-developed-by). */
export function isTrailerKey(key: string): boolean {
  const lower = key.toLowerCase();
  return KNOWN.has(lower) || lower.endsWith('-by');
}

export function parseTrailers(lines: readonly SourceLine[]): Trailer[] {
  const trailers: Trailer[] = [];
  for (const line of lines) {
    if (line.marker !== undefined || line.text.length > 2000) continue;
    const match = TRAILER.exec(line.text.trim());
    if (!match || !isTrailerKey(match[1])) continue;
    trailers.push({ key: match[1], value: match[2].trim(), line: lineOf(line) });
  }
  return trailers;
}
