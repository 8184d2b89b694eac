// The parser's entry point: a patch document (one mail, an mbox, a web-archive copy, a bare
// diff) in, a Patch with every position, repair and problem out. Never throws.
import { ANY_NEEDLE, archiveNeedles, detectArchive, repairArchive, type ArchiveNeedles } from './archive-repair';
import { decodeBody } from './body-decoding';
import { reportEncodingProblems } from './encoding';
import { Diagnostics } from './diagnostics';
import { readFiles } from './diff-reader';
import { checkDiffstat, parseDiffstat } from './diffstat';
import { parseArchivePageHeader, removeHeaderChrome } from './archive-header';
import { splitCollapsedLines } from './collapsed-lines';
import { headerValue, parseRfc822Headers, type HeaderBlock } from './mail-headers';
import { layoutBody, messageText } from './mail-body';
import { splitMails, unescapeFromLine, type MailSpan } from './mbox';
import type { DocRange, Mail, Patch } from './model';
import { DocumentLines } from './document-lines';
import { lineOf, makeLine, plainLine, pointRange, type SourceLine } from './positions';
import { unquoteReply } from './quoted-reply';
import { patchWithRuns } from './repair-runs';
import { parseSubject } from './subject';
import { parseTrailers } from './trailers';

export interface ParseOptions {
  /** Inputs larger than this many bytes (UTF-8) are refused. Default 50 MiB. */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export function parsePatchDocument(text: string, options: ParseOptions = {}): Patch {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = utf8Length(text, maxBytes);
  if (size > maxBytes) {
    return {
      mails: [],
      repairs: [],
      problems: [{ severity: 'error', code: 'input-too-large', range: pointRange(0), message: `the input is larger than the ${maxBytes}-byte limit; it was not parsed` }],
      lineCount: 0,
    };
  }
  const lines = new DocumentLines(text);
  try {
    return parseLines(lines, documentScan(text));
  } catch (error) {
    // A bug must not take the editor down with it: report it where the user can see it.
    return {
      mails: [],
      repairs: [],
      problems: [{ severity: 'error', code: 'internal-error', range: pointRange(0), message: `the parser failed: ${error instanceof Error ? error.message : String(error)}` }],
      lineCount: lines.count,
    };
  }
}

/** The UTF-8 byte length of text, counting no further than just past `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3;
  }
  return bytes;
}

/** What one search of the whole text settles for every line: each is a single indexOf, not one per line. */
interface DocumentScan {
  /** U+FFFD or NUL somewhere: only then are the lines searched for encoding damage. */
  readonly encodingDamage: boolean;
  readonly needles: ArchiveNeedles;
  /** Some line starts with ">": only then may a mail be a quoted reply. */
  readonly quoted: boolean;
}

function documentScan(text: string): DocumentScan {
  return { encodingDamage: text.includes('\ufffd') || text.includes('\0'), needles: archiveNeedles(text), quoted: text.startsWith('>') || text.includes('\n>') };
}

function parseLines(docLines: DocumentLines, scan: DocumentScan): Patch {
  const diagnostics = new Diagnostics();
  if (scan.encodingDamage) reportEncodingProblems(docLines, diagnostics);
  const spans = splitMails(docLines);
  const mails: Mail[] = [];
  for (const span of spans) {
    const mail = parseMail(docLines, span, spans.length > 1 || span.separatorLine !== undefined, scan, diagnostics);
    if (mail) mails.push(mail);
  }
  const { repairs, problems } = diagnostics.sorted();
  return patchWithRuns(mails, repairs, problems, docLines.count);
}

/** Document lines as logical lines: transport CRLF and mbox ">From" escapes undone. */
function baseLines(docLines: DocumentLines, span: MailSpan, fromMbox: boolean, diagnostics: Diagnostics): SourceLine[] {
  let carriageReturns = 0;
  let nonEmpty = 0;
  let first = -1;
  for (let i = span.start; i < span.end; i++) {
    const length = docLines.length(i);
    if (length === 0) continue;
    nonEmpty++;
    if (first < 0) first = i;
    if (docLines.charCodeAt(i, length - 1) === 13) carriageReturns++;
    // One LF-ended line settles it: the line ends are not all the transport's.
    else break;
  }
  // CRLF on every line is the transport's; on some lines only, it belongs to the patched file.
  const transportCrlf = nonEmpty > 0 && carriageReturns === nonEmpty;
  if (transportCrlf) {
    diagnostics.repair('crlf', { start: { line: first, character: docLines.length(first) - 1 }, end: { line: first, character: docLines.length(first) } }, '\r\n', '\n',
      `all ${nonEmpty} lines of the mail end in CRLF: the line ends are the transport's and are read as LF`);
  }
  // One logical line per document line: the array is made at its size, never grown.
  const lines = new Array<SourceLine>(span.end - span.start);
  for (let i = span.start; i < span.end; i++) {
    let text = docLines.text(i);
    // Without its CR the text is no longer the document's: a line of another kind (positions.isDocumentLine).
    let own = true;
    if (transportCrlf && text.endsWith('\r')) {
      text = text.slice(0, -1);
      own = false;
    }
    if (fromMbox && text.charCodeAt(0) === 62) {
      const unescaped = unescapeFromLine(text);
      if (unescaped !== undefined) {
        diagnostics.repairOnLine('mbox-from-escape', i, 0, 1, '>', '', 'mbox escapes a line starting with "From " by adding ">"');
        lines[i - span.start] = plainLine(unescaped, i, 1);
        continue;
      }
    }
    lines[i - span.start] = own ? plainLine(text, i) : makeLine(text, i, 0);
  }
  return lines;
}

function mailRange(docLines: DocumentLines, span: MailSpan): DocRange {
  const startLine = span.separatorLine ?? span.start;
  const endLine = Math.max(startLine, span.end - 1);
  return { start: { line: startLine, character: 0 }, end: { line: endLine, character: endLine < docLines.count ? docLines.length(endLine) : 0 } };
}

function parseMail(docLines: DocumentLines, span: MailSpan, fromMbox: boolean, scan: DocumentScan, diagnostics: Diagnostics): Mail | undefined {
  let base = baseLines(docLines, span, fromMbox, diagnostics);
  // A text extraction that lost the line breaks: split back what the tokens allow.
  const split = splitCollapsedLines(base, diagnostics, docLines.longest);
  if (split !== undefined) base = split;
  let header: HeaderBlock | undefined = parseRfc822Headers(base);
  // A public-inbox page copied as text is a header block with links after some values.
  if (header) header = removeHeaderChrome(header, base, diagnostics);
  const undecoded = header ? base.slice(header.bodyStart) : base;
  let body: readonly SourceLine[] = header ? decodeBody(header, undecoded, diagnostics) : base;
  // Lines cut from the document hold only what the document holds; decoded lines may hold anything.
  const signals = detectArchive(body, body === undecoded ? scan.needles : ANY_NEEDLE);
  body = repairArchive(body, signals, diagnostics);
  if (!header) {
    const archiveHeader = parseArchivePageHeader(body, diagnostics);
    if (archiveHeader) {
      header = archiveHeader;
      body = body.slice(archiveHeader.bodyStart);
    }
  }
  // Lines cut from the document, unsplit and unchanged by any repair, start with ">" only where it does.
  const unquoted = unquoteReply(body, diagnostics, body !== undecoded || split !== undefined || scan.quoted);
  if (unquoted) body = unquoted;
  const lenient = signals.fenced || signals.markdown || signals.hardBreaks || signals.entities || signals.doubleSpaced || signals.noBreakSpaces || unquoted !== undefined;
  const layout = layoutBody(body);
  const files = layout.diffStart === undefined ? [] : readFiles(body, layout.diffStart, { lenient, reply: unquoted !== undefined, doubleSpaced: signals.doubleSpaced, document: docLines }, diagnostics);
  const diffstat = layout.separator === undefined ? undefined : parseDiffstat(body, layout.separator + 1, layout.diffStart ?? body.length);
  if (diffstat) checkDiffstat(diffstat, files, body, diagnostics);
  const messageLines = body.slice(layout.messageStart, layout.messageEnd);
  const inBody = layout.inBodyHeaders;
  const subjectField = headerValue(header, 'Subject');
  const subject = inBody.get('subject')?.value ?? subjectField?.value ?? '';
  const subjectLine = inBody.get('subject') !== undefined ? lineOf(body[inBody.get('subject')!.index]) : subjectField?.line ?? span.start;
  const known = new Set(['subject', 'from', 'date', 'message-id', 'in-reply-to', 'references']);
  if (header === undefined && files.length === 0 && body.every((l) => l.text.trim() === '' || l.marker !== undefined)) return undefined;
  return {
    subject,
    series: parseSubject(subject).series,
    from: inBody.get('from')?.value ?? headerValue(header, 'From')?.value,
    date: inBody.get('date')?.value ?? headerValue(header, 'Date')?.value,
    messageId: headerValue(header, 'Message-ID')?.value,
    inReplyTo: headerValue(header, 'In-Reply-To')?.value,
    references: (headerValue(header, 'References')?.value ?? '').split(/\s+/).filter((r) => r !== ''),
    headers: (header?.fields ?? []).filter((f) => !known.has(f.key.toLowerCase())).map((f) => ({ key: f.key, value: f.value, line: f.line })),
    message: messageText(body, layout.messageStart, layout.messageEnd),
    trailers: parseTrailers(messageLines),
    diffstat,
    files,
    range: mailRange(docLines, span),
    subjectLine,
  };
}


