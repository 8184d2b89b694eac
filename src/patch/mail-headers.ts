// Mail headers: an RFC 822 header block (folded lines, RFC 2047 encoded words), or the header a
// web archive prints above a message ("Subject: …" then "Posted by NAME on DATE").
import { lineOf, type SourceLine } from './positions';

export interface HeaderField {
  readonly key: string;
  readonly value: string;
  /** Document line of the field's first line. */
  readonly line: number;
  /** Index of the field's first logical line in the lines given. */
  readonly index: number;
}

export interface HeaderBlock {
  readonly fields: readonly HeaderField[];
  /** Index of the first body line in the lines given. */
  readonly bodyStart: number;
  /** 'rfc822' for a real header block, 'archive' for a web page's header. */
  readonly kind: 'rfc822' | 'archive';
}

const FIELD = /^([A-Za-z][A-Za-z0-9-]{0,76}):[ \t]?(.*)$/;
const MAIL_KEYS = new Set(['from', 'subject', 'date', 'message-id', 'to', 'cc', 'received', 'return-path', 'mime-version', 'in-reply-to', 'references', 'delivered-to']);
const MAX_HEADER_LINES = 2000;

export function headerValue(block: HeaderBlock | undefined, key: string): HeaderField | undefined {
  const lower = key.toLowerCase();
  return block?.fields.find((f) => f.key.toLowerCase() === lower);
}

/** Reads an RFC 822 header block at the start of `lines`, or undefined when there is none. */
export function parseRfc822Headers(lines: readonly SourceLine[], from = 0, requireMailKey = true): HeaderBlock | undefined {
  let i = from;
  // A pasted mail may start with a few blank lines.
  while (i < lines.length && i < from + 5 && lines[i].text.trim() === '') i++;
  const fields: { key: string; value: string; line: number; index: number }[] = [];
  let bodyStart = lines.length;
  for (; i < lines.length && i < from + MAX_HEADER_LINES; i++) {
    const text = lines[i].text;
    if (text === '' || text.trim() === '') {
      bodyStart = i + 1;
      break;
    }
    if ((text[0] === ' ' || text[0] === '\t') && fields.length > 0) {
      const last = fields[fields.length - 1];
      last.value += ' ' + text.trim();
      continue;
    }
    const match = FIELD.exec(text);
    if (!match) {
      bodyStart = i;
      break;
    }
    fields.push({ key: match[1], value: match[2].trim(), line: lineOf(lines[i]), index: i });
  }
  if (fields.length === 0) return undefined;
  if (requireMailKey && !fields.some((f) => MAIL_KEYS.has(f.key.toLowerCase()))) return undefined;
  if (i >= lines.length) bodyStart = lines.length;
  return {
    kind: 'rfc822',
    bodyStart,
    fields: fields.map((f) => ({ ...f, value: decodeEncodedWords(f.value) })),
  };
}

/** Decodes RFC 2047 encoded words (=?utf-8?q?...?= and =?utf-8?b?...?=). */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  // Whitespace between two adjacent encoded words is not part of the text.
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(/=\?([^?\s]{1,40})\?([QqBb])\?([^?\s]{0,1000})\?=/g, (whole, charset: string, encoding: string, text: string) => {
    const bytes = encoding.toUpperCase() === 'B' ? decodeBase64(text) : decodeQEncoding(text);
    if (bytes === undefined) return whole;
    return decodeBytes(bytes, charset);
  });
}

function decodeQEncoding(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '_') out.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(text.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

/** Decodes base64, ignoring whitespace; undefined when other characters appear. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 61 /* = */) break;
    if (code === 32 || code === 9 || code === 10 || code === 13) continue;
    const value = code < 128 ? BASE64_VALUE[code] : -1;
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, length);
}

/** Bytes to text in the named charset; unknown charsets are read as Latin-1. */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return text;
  }
}
