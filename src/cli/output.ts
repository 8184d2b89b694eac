// Standard output as kpr writes it: with backpressure (wait for 'drain' when the pipe is full,
// so memory stays bounded however large the output), and a closed pipe (EPIPE) turned into
// OutputClosed so the command stops at once instead of computing on and dying with a stack.
import type { Writable } from 'node:stream';
import { OutputClosed, type CliIo } from './command';

export function streamWriter(stream: Writable): (text: string) => void | Promise<void> {
  let closed = false;
  let waiting: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const close = (): void => {
    closed = true;
    waiting?.reject(new OutputClosed());
    waiting = undefined;
  };
  // Any write error on stdout means the output is gone (EPIPE, a closed socket).
  stream.on('error', close);
  stream.on('close', close);
  stream.on('drain', () => {
    waiting?.resolve();
    waiting = undefined;
  });
  return (text) => {
    if (closed) throw new OutputClosed();
    if (stream.write(text)) return undefined;
    return new Promise<void>((resolve, reject) => {
      waiting = { resolve, reject };
    });
  };
}

/** The characters written at a time: large enough that writes are few, small enough that no pipe buffer holds a whole output. */
export const CHUNK = 1 << 16;

/** Writes text made of many small pieces in chunks of about CHUNK characters, each awaited. */
export class ChunkedOutput {
  private buffer = '';

  constructor(private readonly io: CliIo) {}

  /** Adds text; a write happens (and is awaited) only when a chunk is full. */
  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    await this.io.out(chunk);
  }
}

/**
 * Writes lines, each ended by "\n", in chunks of about CHUNK characters, each chunk's lines joined
 * by `join` (which may escape them): only a full chunk is awaited, so hundreds of thousands of
 * lines cost no promise each, and none is held once its chunk is written.
 */
export async function writeLines(io: CliIo, lines: Iterable<string>, join: (lines: readonly string[]) => string): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line);
    size += line.length + 1;
    if (size >= CHUNK) {
      await io.out(join(batch) + '\n');
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) await io.out(join(batch) + '\n');
}

/** Writes a long text in chunks, each awaited, so the pipe's buffer never holds all of it. */
export async function writeText(io: CliIo, text: string): Promise<void> {
  for (let i = 0; i < text.length; i += CHUNK) await io.out(text.slice(i, i + CHUNK));
}
