// Undoes what web archives do to a patch mail when they render it as a page: code fences cutting
// the patch into blocks, markdown escapes (next\_syscall\_data), markdown hard breaks (two
// trailing spaces), mailto links around addresses, HTML entities, obfuscated addresses, and a
// quilt "=====" separator merged with the header that follows it. Each change is a Repair with
// its document range; the text of the document itself is never touched.
import type { Diagnostics } from './diagnostics';
import { LineBuilder, positionAt, rangeOf, sliceLine, withFlags, type SourceLine } from './positions';

export interface ArchiveSignals {
  /** Lines of ``` or ~~~ at column 0: the page wraps code in fences. */
  readonly fenced: boolean;
  /** Markdown rendering: undo escapes, hard breaks and mailto links. */
  readonly markdown: boolean;
  /** Lines end in two spaces (a markdown hard break) often enough to be the archive's doing. */
  readonly hardBreaks: boolean;
  /** The page escapes <, > and & as HTML entities. */
  readonly entities: boolean;
  /** Some line may hold an address written "<name at host>". */
  readonly addresses: boolean;
  /** Some line starts with "=": a quilt separator may have swallowed the next line. */
  readonly separators: boolean;
  /**
   * Nearly every line is followed by a blank line: a page copied with a paragraph per line. The
   * first blank after a line is then the copy's spacing, not a blank context line.
   */
  readonly doubleSpaced: boolean;
  /**
   * The page wrote spaces as no-break spaces (U+00A0, `&nbsp;` copied as text) where the patch's
   * syntax has spaces: at the start of lines or after `@@`, `---`, `+++`, `diff`, `Index:`.
   */
  readonly noBreakSpaces: boolean;
}

const MAX_SPECIAL_LINE = 100_000;
const NBSP = '\u00a0';
/** A no-break space where the patch's syntax has a space (ArchiveSignals.noBreakSpaces). */
const STRUCTURAL_NBSP = /^(?:[-+]{0,3}\u00a0|@@\u00a0|diff\u00a0|Index:\u00a0)/;
/** One added line may start with a no-break space of its own; two such lines are the page's. */
const STRUCTURAL_NBSP_LINES = 2;
/** Too few lines cannot tell a double-spaced copy from a short mail of one-line paragraphs. */
const DOUBLE_SPACED_MIN_LINES = 12;
const FENCE = /^(?:`{3,}|~{3,})[\w+.#-]*[ \t]*$/;
const POSTED_BY = /^Posted by .{1,200} on /;
const ENTITY = /&(?:lt|gt|amp|quot|apos|nbsp|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;

/** Empty or only spaces and tabs (the common non-blank line is settled by its first character). */
function isBlank(text: string): boolean {
  // A loop, not trim(): every context line of a diff starts with a space, and stops at its second character.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

export function isFenceLine(text: string): boolean {
  return text.length <= 200 && FENCE.test(text);
}

/**
 * Which of the substrings detectArchive searches each line for occur anywhere in a text. Lines
 * cut from that text without decoding hold no other, so a clean document is searched once for
 * each, not line by line.
 */
export interface ArchiveNeedles {
  /** " at " and "<" (an obfuscated address needs both on one line). */
  readonly at: boolean;
  readonly mailto: boolean;
  readonly underscoreEscape: boolean;
  /** An HTML entity: C code is full of "&" (addresses, masks), rarely of entities. */
  readonly entity: boolean;
  readonly noBreakSpace: boolean;
}

export const ANY_NEEDLE: ArchiveNeedles = { at: true, mailto: true, underscoreEscape: true, entity: true, noBreakSpace: true };

/** What every match of ENTITY starts with: each is one fast substring search of a whole text. */
const ENTITY_STARTS = ['&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&nbsp;', '&#'];

export function archiveNeedles(text: string): ArchiveNeedles {
  return {
    at: text.includes(' at ') && text.includes('<'),
    mailto: text.includes('](mailto:'),
    underscoreEscape: text.includes('\\_'),
    entity: text.includes('&') && ENTITY_STARTS.some((start) => text.includes(start)),
    noBreakSpace: text.includes(NBSP),
  };
}

/** `needles`: what the lines' text may hold (ANY_NEEDLE when they were decoded from it). */
export function detectArchive(lines: readonly SourceLine[], needles: ArchiveNeedles = ANY_NEEDLE): ArchiveSignals {
  let fenced = false;
  let forum = false;
  let mailto = false;
  let identifierEscapes = false;
  let twoSpaceEnds = 0;
  let nonBlank = 0;
  let entities = 0;
  let addresses = false;
  let separators = false;
  let followedByBlank = 0;
  let contentLines = 0;
  let previousNonBlank = false;
  let structuralNbsp = 0;
  // A needle absent from the text is not searched for in every line: it counts as settled.
  let addressesSettled = !needles.at;
  let mailtoSettled = !needles.mailto;
  let escapesSettled = !needles.underscoreEscape;
  // Index loops: a for-of over every line of a mail allocated an iterator result per line before
  // the loop was optimized, which in a one-shot `kpr parse` it mostly never is.
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l].text;
    const blank = isBlank(text);
    if (blank && previousNonBlank) followedByBlank++;
    if (!blank) contentLines++;
    previousNonBlank = !blank;
    if (text.length > MAX_SPECIAL_LINE || text.length === 0) continue;
    nonBlank++;
    const first = text.charCodeAt(0);
    if (first === 61 /* = */) separators = true;
    if (!addressesSettled && text.includes(' at ') && text.includes('<')) addresses = addressesSettled = true;
    if (!fenced && (first === 96 || first === 126) && isFenceLine(text)) fenced = true;
    if (!forum && first === 80 && POSTED_BY.test(text)) forum = true;
    if (!mailtoSettled && text.includes('](mailto:')) mailto = mailtoSettled = true;
    if (!escapesSettled && text.includes('\\_') && /[A-Za-z0-9]\\_[A-Za-z0-9]/.test(text)) identifierEscapes = escapesSettled = true;
    // endsWith('  ') by its two last codes. The length is checked first, not left to a code read
    // before the line's start (NaN): that read threw the optimized loop out at the first " " line.
    if (text.length >= 2 && text.charCodeAt(text.length - 1) === 32 && text.charCodeAt(text.length - 2) === 32) twoSpaceEnds++;
    if (needles.entity && text.includes('&')) entities += (text.match(ENTITY) ?? []).length;
    if (needles.noBreakSpace && STRUCTURAL_NBSP.test(text)) structuralNbsp++;
  }
  // Only a page with entities needs the count of raw markup characters to compare with.
  let rawMarkup = 0;
  if (entities > 0) {
    for (let l = 0; l < lines.length; l++) {
      const text = lines[l].text;
      for (let i = 0; i < text.length && text.length <= MAX_SPECIAL_LINE; i++) {
        const c = text.charCodeAt(i);
        if (c === 60 || c === 62) rawMarkup++;
      }
    }
  }
  const markdown = fenced || forum || mailto || identifierEscapes;
  return {
    fenced,
    markdown,
    hardBreaks: markdown || (twoSpaceEnds >= 3 && twoSpaceEnds * 4 >= nonBlank),
    // A real patch quoting HTML has raw < and > around its entities; a page that escaped everything has none.
    entities: entities > 0 && rawMarkup * 10 <= entities,
    addresses,
    separators,
    doubleSpaced: contentLines >= DOUBLE_SPACED_MIN_LINES && followedByBlank * 10 >= contentLines * 9,
    noBreakSpaces: structuralNbsp >= STRUCTURAL_NBSP_LINES,
  };
}

export function repairArchive(lines: readonly SourceLine[], signals: ArchiveSignals, diagnostics: Diagnostics): readonly SourceLine[] {
  // A clean mail, the common case, needs no pass over its lines at all.
  if (!signals.fenced && !signals.markdown && !signals.hardBreaks && !signals.entities && !signals.addresses && !signals.separators && !signals.noBreakSpaces) return lines;
  const out: SourceLine[] = [];
  let inFence = false;
  for (const line of lines) {
    if (signals.fenced && isFenceLine(line.text)) {
      diagnostics.repairIn('code-fence', line, line.text, '',
        inFence ? 'a code fence closing the archive\'s code block is not part of the mail' : 'a code fence opening the archive\'s code block is not part of the mail');
      inFence = !inFence;
      out.push(withFlags(line, { marker: 'fence', inFence: true }));
      continue;
    }
    let repaired = line.text.length > MAX_SPECIAL_LINE ? line : repairLine(line, signals, diagnostics);
    if (signals.fenced) repaired = withFlags(repaired, { inFence });
    if (repaired.text.charCodeAt(0) === 61 /* = */) out.push(...splitMergedSeparator(repaired, diagnostics));
    else out.push(repaired);
  }
  return out;
}

/** "=====--- a/file" → "=====" and "--- a/file": the archive lost the line break between them. */
export function splitMergedSeparator(line: SourceLine, diagnostics: Diagnostics): SourceLine[] {
  const text = line.text;
  if (text.charCodeAt(0) !== 61 /* = */) return [line];
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 61) i++;
  if (i < 3 || i === text.length) return [line];
  const rest = text.slice(i);
  if (!/^(?:--- |\+\+\+ |diff |@@ )/.test(rest)) return [line];
  diagnostics.repair('merged-separator', rangeOf(line, i, i), '', '\n',
    `the separator line "${text.slice(0, Math.min(i, 20))}${i > 20 ? '…' : ''}" and the header "${rest.slice(0, 4).trim()} …" share a line; a line break was lost`);
  return [sliceLine(line, 0, i), sliceLine(line, i)];
}

function repairLine(line: SourceLine, signals: ArchiveSignals, diagnostics: Diagnostics): SourceLine {
  let current = line;
  // First: the page's no-break spaces hide the trailing spaces and escapes the others look for.
  if (signals.noBreakSpaces) current = replaceNoBreakSpaces(current, diagnostics);
  if (signals.hardBreaks) current = stripHardBreak(current, diagnostics);
  if (signals.markdown) current = unwrapMailtoLinks(current, diagnostics);
  if (signals.markdown) current = undoMarkdownEscapes(current, diagnostics);
  if (signals.entities) current = decodeEntities(current, diagnostics);
  if (signals.addresses) current = deobfuscateAddresses(current, diagnostics);
  return current;
}

function stripHardBreak(line: SourceLine, diagnostics: Diagnostics): SourceLine {
  const text = line.text;
  if (!text.endsWith('  ')) return line;
  diagnostics.repairIn('trailing-whitespace', line, '  ', '',
    'two trailing spaces are a markdown line break added by the archive', text.length - 2, text.length);
  return sliceLine(line, 0, text.length - 2);
}

const ESCAPABLE = new Set(['_', '*', '`', '#', '[', ']', '<', '>', '|', '~']);

function undoMarkdownEscapes(line: SourceLine, diagnostics: Diagnostics): SourceLine {
  const text = line.text;
  if (!text.includes('\\')) return line;
  const builder = new LineBuilder();
  let copied = 0;
  let changed = false;
  for (let i = 0; i < text.length - 1; i++) {
    if (text.charCodeAt(i) !== 92 /* \ */) continue;
    const next = text[i + 1];
    // A doubled backslash is C's own escape; keep both and step over the pair.
    if (next === '\\') {
      i++;
      continue;
    }
    if (!ESCAPABLE.has(next)) continue;
    builder.appendSlice(line, copied, i);
    diagnostics.repairIn('markdown-escape', line, '\\' + next, next, `"\\${next}" is a markdown escape added by the archive`, i, i + 2);
    copied = i + 1;
    changed = true;
    i++;
  }
  if (!changed) return line;
  builder.appendSlice(line, copied, text.length);
  return builder.build(positionAt(line, 0), { marker: line.marker, inFence: line.inFence });
}

/** Each run of no-break spaces becomes as many spaces: one repair per run. */
function replaceNoBreakSpaces(line: SourceLine, diagnostics: Diagnostics): SourceLine {
  const text = line.text;
  if (!text.includes(NBSP)) return line;
  const builder = new LineBuilder();
  let copied = 0;
  for (let i = text.indexOf(NBSP); i >= 0; i = text.indexOf(NBSP, i)) {
    let end = i;
    while (end < text.length && text[end] === NBSP) end++;
    builder.appendSlice(line, copied, i);
    const spaces = ' '.repeat(end - i);
    builder.append(spaces, positionAt(line, i));
    diagnostics.repairIn('no-break-space', line, text.slice(i, end), spaces,
      'the archive wrote the patch\'s spaces as no-break spaces (U+00A0)', i, end);
    copied = end;
    i = end;
  }
  builder.appendSlice(line, copied, text.length);
  return builder.build(positionAt(line, 0), { marker: line.marker, inFence: line.inFence });
}

/** "[a@b](mailto:a@b)" and "[url](url)" → the text the archive wrapped in a link. */
function unwrapMailtoLinks(line: SourceLine, diagnostics: Diagnostics): SourceLine {
  const text = line.text;
  if (!text.includes('](')) return line;
  const pattern = /\[([^\]\s]{1,200})\]\(((?:mailto:)?[^)\s]{1,300})\)/g;
  const builder = new LineBuilder();
  let copied = 0;
  let changed = false;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const label = match[1];
    const target = match[2].replace(/^mailto:/, '');
    if (label !== target && !(label.includes('@') && match[2].startsWith('mailto:'))) continue;
    builder.appendSlice(line, copied, match.index);
    builder.appendSlice(line, match.index + 1, match.index + 1 + label.length);
    diagnostics.repair('markdown-link', rangeOf(line, match.index, match.index + match[0].length), match[0], label,
      'the archive turned an address or URL into a markdown link');
    copied = match.index + match[0].length;
    changed = true;
  }
  if (!changed) return line;
  builder.appendSlice(line, copied, text.length);
  return builder.build(positionAt(line, 0), { marker: line.marker, inFence: line.inFence });
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(entity: string): string | undefined {
  const body = entity.slice(1, -1);
  if (body.startsWith('#x')) return safeCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10));
  return NAMED_ENTITIES[body];
}

function safeCodePoint(code: number): string | undefined {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
}

function decodeEntities(line: SourceLine, diagnostics: Diagnostics): SourceLine {
  const text = line.text;
  if (!text.includes('&')) return line;
  const builder = new LineBuilder();
  let copied = 0;
  let changed = false;
  ENTITY.lastIndex = 0;
  for (let match = ENTITY.exec(text); match !== null; match = ENTITY.exec(text)) {
    const decoded = decodeEntity(match[0]);
    if (decoded === undefined) continue;
    builder.appendSlice(line, copied, match.index);
    builder.append(decoded, positionAt(line, match.index));
    diagnostics.repairIn('html-entity', line, match[0], decoded,
      'the archive wrote this character as an HTML entity', match.index, match.index + match[0].length);
    copied = match.index + match[0].length;
    changed = true;
  }
  if (!changed) return line;
  builder.appendSlice(line, copied, text.length);
  return builder.build(positionAt(line, 0), { marker: line.marker, inFence: line.inFence });
}

/** "<name at example.org>" → "<name@example.org>": archives hide addresses from harvesters. */
function deobfuscateAddresses(line: SourceLine, diagnostics: Diagnostics): SourceLine {
  const text = line.text;
  if (!text.includes(' at ') || !text.includes('<')) return line;
  const pattern = /<([\w.+-]{1,64})( at | \[at\] | \(at\) )([\w-]{1,63}(?:\.[\w-]{1,63}){1,8})>/g;
  const builder = new LineBuilder();
  let copied = 0;
  let changed = false;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const at = match.index + 1 + match[1].length;
    builder.appendSlice(line, copied, at);
    builder.append('@', positionAt(line, at));
    diagnostics.repair('obfuscated-address', rangeOf(line, at, at + match[2].length), match[2], '@',
      'the archive wrote "@" as "at" to hide the address');
    copied = at + match[2].length;
    changed = true;
  }
  if (!changed) return line;
  builder.appendSlice(line, copied, text.length);
  return builder.build(positionAt(line, 0), { marker: line.marker, inFence: line.inFence });
}
