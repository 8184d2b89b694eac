// Reading a command's input (a file, or standard input for "-") with the size limit applied
// while reading: `kpr parse - < /dev/zero` stops after maxBytes instead of filling memory.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
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
  if (info.isFile()) {
    const bytes = await readFile(path);
    if (bytes.length > maxBytes) throw new InputTooLarge(maxBytes);
    return bytes.toString('utf8');
  }
  return readLimited(createReadStream(path), maxBytes);
}
