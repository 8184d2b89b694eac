// The parts of a patch mail body: the commit message (after a scissors line, when there is one),
// the `---` separator, the diffstat, and where the diff starts.
import { fileStartKind, HUNK_HEADER } from './line-kinds';
import { type SourceLine } from './positions';

export interface BodyLayout {
  /** Index of the first line of the commit message. */
  readonly messageStart: number;
  /** One past its last line: the `---` separator, the diff, or the end. */
  readonly messageEnd: number;
  readonly scissors?: number;
  readonly separator?: number;
  /** Index of the first line of the first file's diff (or a bare hunk), if any. */
  readonly diffStart?: number;
  /** In-body "From:", "Subject:" and "Date:" lines that override the mail's own headers. */
  readonly inBodyHeaders: ReadonlyMap<string, { value: string; index: number }>;
}

const IN_BODY_HEADER = /^(From|Subject|Date):\s*(.*)$/;

/** git's scissors: a line of dashes with ">8" or "8<" in it, such as "-- >8 --". */
export function isScissors(text: string): boolean {
  const t = text.trim();
  if (t.length > 120 || !(t.includes('>8') || t.includes('8<'))) return false;
  const rest = t.replace(/>8|8</g, '');
  const dashes = (rest.match(/-/g) ?? []).length;
  return dashes >= 2 && /^[-\s]*(?:cut here)?[-\s]*$/i.test(rest);
}

export function findDiffStart(lines: readonly SourceLine[], from = 0): number | undefined {
  let bareHunk: number | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line.marker !== undefined) continue;
    const c = line.text.charCodeAt(0);
    // Only lines starting with 'd', 'I', '-' or '@' can start a diff.
    if (c !== 100 && c !== 73 && c !== 45 && c !== 64) continue;
    if (fileStartKind(lines, i) !== undefined) return i;
    if (bareHunk === undefined && c === 64 && line.text.length < 100_000 && HUNK_HEADER.test(line.text)) bareHunk = i;
  }
  return bareHunk;
}

export function layoutBody(lines: readonly SourceLine[]): BodyLayout {
  const diffStart = findDiffStart(lines);
  const limit = diffStart ?? lines.length;
  let messageStart = 0;
  let scissors: number | undefined;
  for (let i = 0; i < limit; i++) {
    if (lines[i].marker === undefined && isScissors(lines[i].text)) {
      scissors = i;
      messageStart = i + 1;
      break;
    }
  }
  // git am reads "From:", "Subject:" and "Date:" at the very top of the body as the patch's own.
  const inBodyHeaders = new Map<string, { value: string; index: number }>();
  let i = messageStart;
  while (i < limit && lines[i].text.trim() === '') i++;
  let j = i;
  while (j < limit) {
    const match = lines[j].text.length < 2000 ? IN_BODY_HEADER.exec(lines[j].text) : null;
    if (!match) break;
    inBodyHeaders.set(match[1].toLowerCase(), { value: match[2].trim(), index: j });
    j++;
  }
  if (inBodyHeaders.size > 0 && (j >= limit || lines[j].text.trim() === '')) messageStart = j;
  else inBodyHeaders.clear();
  let separator: number | undefined;
  for (let k = messageStart; k < limit; k++) {
    if (lines[k].marker === undefined && lines[k].text.trimEnd() === '---') {
      separator = k;
      break;
    }
  }
  return { messageStart, messageEnd: separator ?? limit, scissors, separator, diffStart, inBodyHeaders };
}

/** The commit message text: the lines between start and end, without markers and outer blank lines. */
export function messageText(lines: readonly SourceLine[], start: number, end: number): string {
  const texts: string[] = [];
  for (let i = start; i < end; i++) if (lines[i].marker === undefined) texts.push(lines[i].text);
  while (texts.length > 0 && texts[0].trim() === '') texts.shift();
  while (texts.length > 0 && texts[texts.length - 1].trim() === '') texts.pop();
  return texts.join('\n');
}
