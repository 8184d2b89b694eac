// Shared inputs of the review tests: the seed sample, the ring series fixtures, a fixed
// reviewer and clock, and a composer call with those defaults.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePatchDocument } from '../../../../src/patch/parse';
import { composeReply, type ComposeInput, type ComposedReply } from '../../../../src/review/compose';
import type { ReviewComment } from '../../../../src/review/quote';

export const repoRoot = join(__dirname, '..', '..', '..', '..', '..');
export const seriesDir = join(repoRoot, 'test', 'fixtures', 'series');

export function readSample(): string {
  return readFileSync(join(repoRoot, 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
}

export function readSeries(...path: string[]): string {
  return readFileSync(join(seriesDir, ...path), 'utf8');
}

export const RING_PART_1 = ['ring-v1', '0001-ring-refuse-a-zero-or-huge-size.patch'];

export const reviewer = { name: 'Rita Reviewer', email: 'rita@example.org' };
/** 2026-11-29 01:02:03 UTC, shown at +01:00. */
export const clock = { date: new Date(Date.UTC(2026, 10, 29, 1, 2, 3)), utcOffsetMinutes: 60 };

/** The 0-based line of the n-th (0-based) document line that starts with `prefix`. */
export function lineOf(text: string, prefix: string, occurrence = 0): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith(prefix) && seen++ === occurrence) return i;
  }
  throw new Error(`no line ${occurrence} starts with ${JSON.stringify(prefix)}`);
}

export function compose(text: string, comments: readonly ReviewComment[], overrides: Partial<ComposeInput> = {}): ComposedReply {
  return composeReply({
    patch: parsePatchDocument(text),
    documentLines: text.split('\n'),
    mailIndex: 0,
    comments,
    identity: reviewer,
    trailers: ['Reviewed-by'],
    ...clock,
    ...overrides,
  });
}

/** The body of a composed mail: everything after the first blank line. */
export function bodyOf(mail: string): string {
  return mail.slice(mail.indexOf('\n\n') + 2);
}

/** The header block of a composed mail, unfolded, as [key, value] pairs. */
export function headersOf(mail: string): [string, string][] {
  const block = mail.slice(0, mail.indexOf('\n\n')).replace(/\n[ \t]+/g, ' ');
  return block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]);
}
