// Mail addresses in headers: reading the original's From/To/Cc lists and writing the reply's,
// RFC 5322 style (quoted display names, RFC 2047 encoded words for non-ASCII, folded lines).

export interface Address {
  /** The display name as read (unquoted), if any. */
  readonly name?: string;
  readonly email: string;
}

const MAX_LIST_LENGTH = 100_000;

/** Splits an address list at the commas that are outside quotes, angle brackets and comments. */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && quoted) {
      current += c + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"' && comment === 0) quoted = !quoted;
    else if (!quoted && c === '(') comment++;
    else if (!quoted && c === ')' && comment > 0) comment--;
    else if (!quoted && comment === 0 && c === '<') angle++;
    else if (!quoted && comment === 0 && c === '>' && angle > 0) angle--;
    if (c === ',' && !quoted && angle === 0 && comment === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function unquote(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  return trimmed;
}

const BARE_EMAIL = /^[^\s<>@,;"]+@[^\s<>@,;"]+$/;

/** One address ("Name <a@b>", "a@b", "a@b (Name)"), or undefined when it holds no address. */
export function parseAddress(text: string): Address | undefined {
  const angle = /^(.*)<([^<>\s]+@[^<>\s]+)>\s*(?:\(.*\))?$/.exec(text.trim());
  if (angle) {
    const name = unquote(angle[1]);
    return name === '' ? { email: angle[2] } : { name, email: angle[2] };
  }
  const withComment = /^(\S+@\S+)\s*\((.*)\)$/.exec(text.trim());
  if (withComment && BARE_EMAIL.test(withComment[1])) {
    const name = withComment[2].trim();
    return name === '' ? { email: withComment[1] } : { name, email: withComment[1] };
  }
  const bare = text.trim();
  return BARE_EMAIL.test(bare) ? { email: bare } : undefined;
}

/** Every address of a header value; group syntax ("undisclosed-recipients:;") yields none. */
export function parseAddressList(value: string | undefined): Address[] {
  if (typeof value !== 'string' || value.length > MAX_LIST_LENGTH) return [];
  const out: Address[] = [];
  for (const part of splitList(value)) {
    // "group: a@b, c@d;" — drop the group's name and its closing semicolon.
    const withoutGroup = part.replace(/^[^"<>@,]*:\s*/, '').replace(/;\s*$/, '');
    const address = parseAddress(withoutGroup);
    if (address) out.push(address);
  }
  return out;
}

export function sameMailbox(a: Address, b: { readonly email?: string }): boolean {
  return b.email !== undefined && a.email.toLowerCase() === b.email.toLowerCase();
}

/** Addresses once each (first spelling kept), without those in `exclude`. */
export function uniqueAddresses(addresses: readonly Address[], exclude: readonly { readonly email?: string }[] = []): Address[] {
  const seen = new Set<string>(exclude.flatMap((e) => (e.email ? [e.email.toLowerCase()] : [])));
  const out: Address[] = [];
  for (const address of addresses) {
    const key = address.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}

// RFC 5322 "specials": a display name holding one of them must be a quoted string.
const SPECIALS = /[()<>[\]:;@\\,."]/;

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** RFC 2047 B-encoding of a UTF-8 phrase, split so each encoded word stays under 76 characters. */
export function encodeWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  const flush = () => {
    if (chunk !== '') words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
    chunk = '';
  };
  // 45 bytes of UTF-8 make 60 base64 characters: with "=?UTF-8?B?" and "?=" a word is 72 long.
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) flush();
    chunk += char;
  }
  flush();
  return words.join(' ');
}

/** An unstructured header value (Subject) made safe: ASCII as is, anything else encoded. */
export function headerText(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  return isAscii(oneLine) ? oneLine : encodeWords(oneLine);
}

export function formatAddress(address: Address): string {
  const name = address.name?.replace(/[\r\n]+/g, ' ').trim();
  if (!name) return address.email;
  if (!isAscii(name)) return `${encodeWords(name)} <${address.email}>`;
  if (SPECIALS.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}" <${address.email}>`;
  return `${name} <${address.email}>`;
}

/** "Key: a, b, c" folded before an address when a line would pass 78 characters. */
export function foldedAddressHeader(key: string, addresses: readonly Address[]): string {
  const items = addresses.map(formatAddress);
  const lines: string[] = [];
  let line = `${key}:`;
  items.forEach((item, i) => {
    const piece = item + (i < items.length - 1 ? ',' : '');
    if (line.length + 1 + piece.length > 78 && line !== `${key}:`) {
      lines.push(line);
      line = ` ${piece}`;
    } else {
      line += ` ${piece}`;
    }
  });
  lines.push(line);
  return lines.join('\n');
}
