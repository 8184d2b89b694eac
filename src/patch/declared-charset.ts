// A mail names the charset of its text (Content-Type: text/plain; charset=iso-8859-1). A
// quoted-printable or base64 body is decoded in that charset when it is read (body-decoding.ts),
// but an 8bit body is the file's own bytes: whoever turns the file into text must use the charset,
// or a Latin-1 "é" becomes U+FFFD. These are the charsets a document declares besides UTF-8.

/** A Content-Type header (folded lines included) up to its charset parameter. */
const CONTENT_TYPE_CHARSET = /^Content-Type:(?:[^\n]|\n[ \t]){0,500}?\bcharset\s*=\s*"?([A-Za-z0-9_.:+-]{1,40})/gim;
const UNICODE_LABELS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/** The distinct charsets other than UTF-8 (and its ASCII subset) that the document's mails declare, lower-cased, in order. */
export function declaredCharsets(text: string): string[] {
  const found: string[] = [];
  CONTENT_TYPE_CHARSET.lastIndex = 0;
  for (let m = CONTENT_TYPE_CHARSET.exec(text); m !== null; m = CONTENT_TYPE_CHARSET.exec(text)) {
    const charset = m[1].toLowerCase();
    if (!UNICODE_LABELS.has(charset) && !found.includes(charset)) found.push(charset);
  }
  return found;
}

/** Whether a decoder here knows the label (git send-email's "unknown-8bit" names no encoding). */
export function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
