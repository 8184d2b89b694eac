// Turns a mail body as transmitted into the text its author wrote: quoted-printable and base64
// transfer encodings, format=flowed soft breaks, and multipart bodies (a patch sent as an
// attachment). Every decoded character keeps a position in the document (see positions.ts).
import type { Diagnostics } from './diagnostics';
import { decodeBase64, decodeBytes, headerValue, parseRfc822Headers, type HeaderBlock } from './mail-headers';
import { LineBuilder, lineOf, positionAt, rangeOf, sliceLine, type SourceLine } from './positions';

export interface ContentType {
  readonly type: string;
  readonly params: ReadonlyMap<string, string>;
}

export function parseContentType(value: string | undefined): ContentType {
  if (value === undefined) return { type: 'text/plain', params: new Map() };
  const [type, ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    let v = part.slice(eq + 1).trim();
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
    params.set(part.slice(0, eq).trim().toLowerCase(), v);
  }
  return { type: type.trim().toLowerCase(), params };
}

const MAX_MULTIPART_DEPTH = 5;

/** Decodes a body given its header block (undefined: a plain text body). */
export function decodeBody(header: HeaderBlock | undefined, body: readonly SourceLine[], diagnostics: Diagnostics, depth = 0): readonly SourceLine[] {
  const contentType = parseContentType(headerValue(header, 'Content-Type')?.value);
  const encoding = (headerValue(header, 'Content-Transfer-Encoding')?.value ?? '').trim().toLowerCase();
  const charset = contentType.params.get('charset') ?? 'utf-8';
  const boundary = contentType.params.get('boundary');
  if (contentType.type.startsWith('multipart/') && boundary && depth < MAX_MULTIPART_DEPTH) {
    return decodeMultipart(body, boundary, diagnostics, depth);
  }
  let lines: readonly SourceLine[] = body;
  if (encoding === 'quoted-printable') {
    lines = splitQuotedLineEnds(decodeQuotedPrintable(lines, charset), diagnostics);
    noteDecoding(body, diagnostics, 'quoted-printable');
  } else if (encoding === 'base64') {
    const decoded = decodeBase64Body(lines, charset);
    if (decoded === undefined) {
      if (body.length > 0) {
        diagnostics.problem('error', 'undecodable-body', spanOf(body), 'the body is declared base64 (Content-Transfer-Encoding) but holds characters outside the base64 alphabet; read as plain text');
      }
    } else {
      lines = decoded;
      noteDecoding(body, diagnostics, 'base64');
    }
  }
  if (contentType.params.get('format')?.toLowerCase() === 'flowed') {
    lines = decodeFlowed(lines, contentType.params.get('delsp')?.toLowerCase() === 'yes', diagnostics);
  }
  return lines;
}

function spanOf(lines: readonly SourceLine[]) {
  const first = rangeOf(lines[0]);
  const last = rangeOf(lines[lines.length - 1]);
  return { start: first.start, end: last.end };
}

function noteDecoding(body: readonly SourceLine[], diagnostics: Diagnostics, encoding: string): void {
  if (body.length === 0) return;
  diagnostics.repair('content-transfer-encoding', spanOf(body), encoding, 'decoded text',
    `the body is sent ${encoding}-encoded (Content-Transfer-Encoding: ${encoding}); the patch is read from its decoded text`);
}

/** Which parts of a multipart body may hold the patch. */
function isTextPart(header: HeaderBlock | undefined): boolean {
  const contentType = parseContentType(headerValue(header, 'Content-Type')?.value);
  if (contentType.type.startsWith('text/') || contentType.type.startsWith('multipart/')) return true;
  const name = contentType.params.get('name') ?? headerValue(header, 'Content-Disposition')?.value ?? '';
  return /\.(patch|diff)\b/i.test(name);
}

function decodeMultipart(body: readonly SourceLine[], boundary: string, diagnostics: Diagnostics, depth: number): SourceLine[] {
  const delimiter = '--' + boundary;
  const parts: SourceLine[][] = [];
  let current: SourceLine[] | undefined;
  for (const line of body) {
    const text = line.text.trimEnd();
    if (text === delimiter || text === delimiter + '--') {
      if (current) parts.push(current);
      current = text === delimiter ? [] : undefined;
      continue;
    }
    current?.push(line);
  }
  if (current) parts.push(current);
  const out: SourceLine[] = [];
  for (const part of parts) {
    const header = parseRfc822Headers(part, 0, false);
    const partBody = header ? part.slice(header.bodyStart) : part;
    if (!isTextPart(header)) continue;
    // A loop, not push(...): a part of a million lines would overflow the argument stack.
    for (const line of decodeBody(header, partBody, diagnostics, depth + 1)) out.push(line);
  }
  return out;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** Quoted-printable: "=XX" escapes and "=" soft line breaks that join document lines. */
export function decodeQuotedPrintable(lines: readonly SourceLine[], charset: string): SourceLine[] {
  const out: SourceLine[] = [];
  let builder: LineBuilder | undefined;
  let firstLine: SourceLine | undefined;
  for (const line of lines) {
    builder ??= new LineBuilder();
    firstLine ??= line;
    // Whitespace at the end of an encoded line was added in transit (RFC 2045 §6.7).
    let end = line.text.length;
    while (end > 0 && (line.text[end - 1] === ' ' || line.text[end - 1] === '\t' || line.text[end - 1] === '\r')) end--;
    const soft = end > 0 && line.text[end - 1] === '=';
    if (soft) end--;
    let i = 0;
    while (i < end) {
      if (line.text.charCodeAt(i) === 61 && i + 2 < end && isHex(line.text.charCodeAt(i + 1)) && isHex(line.text.charCodeAt(i + 2))) {
        const start = i;
        const bytes: number[] = [];
        while (i + 2 < end && line.text.charCodeAt(i) === 61 && isHex(line.text.charCodeAt(i + 1)) && isHex(line.text.charCodeAt(i + 2))) {
          bytes.push(parseInt(line.text.slice(i + 1, i + 3), 16));
          i += 3;
        }
        builder.append(decodeBytes(Uint8Array.from(bytes), charset), positionAt(line, start));
        continue;
      }
      let j = i + 1;
      while (j < end && line.text.charCodeAt(j) !== 61) j++;
      builder.appendSlice(line, i, j);
      i = j;
    }
    if (!soft) {
      out.push(builder.build(positionAt(firstLine, 0)));
      builder = undefined;
      firstLine = undefined;
    }
  }
  if (builder && firstLine) out.push(builder.build(positionAt(firstLine, 0)));
  return out;
}

/**
 * Some senders encode the line ends too ("=0D=0A"), joining the whole body with soft breaks
 * (`git mailinfo` warns "quoted CRLF detected"): the decoded text then holds its own line ends.
 * Split there; when every decoded line end is CRLF, the CRs are the sender's and are dropped.
 */
export function splitQuotedLineEnds(lines: readonly SourceLine[], diagnostics: Diagnostics): readonly SourceLine[] {
  if (!lines.some((l) => l.text.includes('\n'))) return lines;
  const pieces: SourceLine[] = [];
  let ends = 0;
  let crlfEnds = 0;
  for (const line of lines) {
    const text = line.text;
    let from = 0;
    for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', from)) {
      ends++;
      if (lf > from && text.charCodeAt(lf - 1) === 13) crlfEnds++;
      pieces.push(sliceLine(line, from, lf));
      from = lf + 1;
    }
    // What follows the last decoded line end up to the document's own line end.
    if (from < text.length || from === 0) pieces.push(sliceLine(line, from));
  }
  if (ends === 0 || crlfEnds !== ends) return pieces;
  const first = pieces.find((l) => l.text.endsWith('\r'));
  if (first !== undefined) {
    diagnostics.repair('crlf', rangeOf(first, first.text.length - 1), '\r\n', '\n',
      `the body encodes its ${ends} line ends as quoted-printable "=0D=0A": the CRs are the sender's and are read as LF`);
  }
  return pieces.map((l) => (l.text.endsWith('\r') ? sliceLine(l, 0, l.text.length - 1) : l));
}

/** base64: decoded lines are placed on the encoded line that holds their first byte. */
export function decodeBase64Body(lines: readonly SourceLine[], charset: string): SourceLine[] | undefined {
  if (lines.length === 0) return [];
  // Where each encoded line starts in the stream of base64 characters.
  const starts: number[] = [];
  let encoded = '';
  for (const line of lines) {
    starts.push(encoded.length);
    encoded += line.text.replace(/[\s]+/g, '');
  }
  const bytes = decodeBase64(encoded);
  if (bytes === undefined) return undefined;
  const text = decodeBytes(bytes, charset);
  const out: SourceLine[] = [];
  let byteOffset = 0;
  let lineIndex = 0;
  let builder = new LineBuilder();
  let lineStart = { line: lines.length > 0 ? lineOf(lines[0]) : 0, character: 0 };
  const locate = (offset: number) => {
    const charOffset = Math.floor((offset * 4) / 3);
    while (lineIndex + 1 < starts.length && starts[lineIndex + 1] <= charOffset) lineIndex++;
    const source = lines[lineIndex];
    return { line: lineOf(source), character: Math.min(charOffset - starts[lineIndex], source.text.length) };
  };
  let runStart = 0;
  let runAt = locate(0);
  lineStart = runAt;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      let runEnd = i;
      if (runEnd > runStart && text.charCodeAt(runEnd - 1) === 13) runEnd--;
      builder.append(text.slice(runStart, runEnd), runAt);
      out.push(builder.build(lineStart));
      builder = new LineBuilder();
      byteOffset += 1;
      runStart = i + 1;
      runAt = locate(byteOffset);
      lineStart = runAt;
      continue;
    }
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3;
    const before = locate(byteOffset).line;
    byteOffset += width;
    // A new segment whenever the decoded text crosses onto the next encoded line.
    if (locate(byteOffset).line !== before && i + 1 < text.length) {
      builder.append(text.slice(runStart, i + 1), runAt);
      runStart = i + 1;
      runAt = locate(byteOffset);
    }
  }
  if (runStart < text.length) {
    builder.append(text.slice(runStart), runAt);
    out.push(builder.build(lineStart));
  }
  return out;
}

/** format=flowed (RFC 3676): undo space-stuffing and join soft-broken lines. */
export function decodeFlowed(lines: readonly SourceLine[], delsp: boolean, diagnostics: Diagnostics): SourceLine[] {
  const out: SourceLine[] = [];
  let builder: LineBuilder | undefined;
  let firstLine: SourceLine | undefined;
  for (const line of lines) {
    builder ??= new LineBuilder();
    firstLine ??= line;
    const text = line.text;
    const stuffed = text.startsWith(' ');
    const start = stuffed ? 1 : 0;
    if (stuffed) {
      diagnostics.repair('format-flowed', rangeOf(line, 0, 1), ' ', '', 'format=flowed space-stuffing: a line starting with a space gets one more space when sent (RFC 3676 §4.4)');
    }
    const isSignature = text === '-- ';
    const soft = !isSignature && text.length > start && text.endsWith(' ');
    if (soft) {
      const end = delsp ? text.length - 1 : text.length;
      builder.appendSlice(line, start, end);
      diagnostics.repair('format-flowed', rangeOf(line, text.length - 1, text.length), ' \n', delsp ? '' : ' ',
        'format=flowed soft line break: a line ending in a space continues on the next line (RFC 3676 §4.2)');
      continue;
    }
    builder.appendSlice(line, start, text.length);
    out.push(builder.build(positionAt(firstLine, 0)));
    builder = undefined;
    firstLine = undefined;
  }
  if (builder && firstLine) out.push(builder.build(positionAt(firstLine, 0)));
  return out;
}
