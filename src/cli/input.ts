// Reading a command's input (a file, or standard input for "-") with the size limit applied
// while reading: `kpr parse - < /dev/zero` stops after maxBytes instead of filling memory.
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputTooLarge, type InputText } from './command';
import { declaredCharsets, isKnownCharset } from '../patch/declared-charset';

/**
 * The bytes as text: UTF-8, unless they are not UTF-8 and the mail declares one other charset
 * that the decoder knows (an 8bit Latin-1 mail, say): then in that charset, as git mailinfo
 * reads it. Otherwise UTF-8, where the parser reports each byte that is not as invalid-encoding.
 */
export function decodeInput(bytes: Buffer): InputText {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  const charsets = declaredCharsets(bytes.toString('latin1'));
  if (charsets.length !== 1 || !isKnownCharset(charsets[0])) return { text: bytes.toString('utf8') };
  return { text: new TextDecoder(charsets[0]).decode(bytes), note: `not UTF-8: read as ${charsets[0]}, the charset its mail declares` };
}

async function readLimited(stream: Readable, maxBytes: number): Promise<InputText> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new InputTooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } finally {
    stream.destroy();
  }
  return decodeInput(Buffer.concat(chunks, size));
}

export async function readInputLimited(path: string, maxBytes: number, stdin: Readable): Promise<InputText> {
  if (path === '-') return readLimited(stdin, maxBytes);
  // A regular file over the limit is refused by its size, before a byte is read.
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  if (info.isFile() && info.size > maxBytes) throw new InputTooLarge(maxBytes);
  // A regular file within the limit is read in one piece: no chunks to gather and copy again.
  // The limit is checked once more, for a file that grew after its size was taken.
  if (info.isFile()) {
    const bytes = await readFile(path);
    if (bytes.length > maxBytes) throw new InputTooLarge(maxBytes);
    return decodeInput(bytes);
  }
  return readLimited(createReadStream(path), maxBytes);
}
