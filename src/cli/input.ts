// Reading a command's input (a file, or standard input for "-") with the size limit applied
// while reading: `kpr parse - < /dev/zero` stops after maxBytes instead of filling memory.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputTooLarge } from './command';

async function readLimited(stream: Readable, maxBytes: number): Promise<string> {
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
  return Buffer.concat(chunks, size).toString('utf8');
}

export async function readInputLimited(path: string, maxBytes: number, stdin: Readable): Promise<string> {
  if (path === '-') return readLimited(stdin, maxBytes);
  // A regular file over the limit is refused by its size, before a byte is read.
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  if (info.isFile() && info.size > maxBytes) throw new InputTooLarge(maxBytes);
  // A regular file within the limit is read in one piece: no chunks to gather and copy again.
  // The limit is checked once more, for a file that grew after its size was taken.
  // Read as text by node's own UTF-8 file reader, which makes no Buffer to decode afterwards.
  if (info.isFile()) {
    // Bytes that are not UTF-8 became U+FFFD, 3 bytes in UTF-8: only the file's size says whether it grew.
    const text = readFileSync(path, 'utf8');
    if (Buffer.byteLength(text, 'utf8') > maxBytes && statSync(path).size > maxBytes) throw new InputTooLarge(maxBytes);
    return text;
  }
  return readLimited(createReadStream(path), maxBytes);
}
