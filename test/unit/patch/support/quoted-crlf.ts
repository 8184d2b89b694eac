// Encodes a mail's body the way some senders do: quoted-printable with every line end written
// as "=0D=0A" and soft breaks every 76 columns, so the body has no line breaks of its own.
export function encodeQuotedCrlf(mail: string): string {
  const cut = mail.indexOf('\n\n');
  const header = mail
    .slice(0, cut)
    .split('\n')
    .filter((l) => !/^(Content-|MIME-Version)/i.test(l));
  header.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable');
  let stream = '';
  for (const line of mail.slice(cut + 2).replace(/\n$/, '').split('\n')) {
    for (const byte of Buffer.from(line, 'utf8')) {
      stream += byte === 0x3d || byte > 0x7e ? '=' + byte.toString(16).toUpperCase().padStart(2, '0') : String.fromCharCode(byte);
    }
    stream += '=0D=0A';
  }
  const out: string[] = [];
  for (let i = 0; i < stream.length; ) {
    let end = Math.min(i + 75, stream.length);
    // Never split an escape, nor end an encoded line in whitespace.
    const escape = stream.lastIndexOf('=', end - 1);
    if (end < stream.length && escape > end - 3) end = escape;
    while (end > i + 1 && end < stream.length && /[ \t]/.test(stream[end - 1])) end--;
    out.push(stream.slice(i, end) + (end < stream.length ? '=' : ''));
    i = end;
  }
  return header.join('\n') + '\n\n' + out.join('\n') + '\n';
}
