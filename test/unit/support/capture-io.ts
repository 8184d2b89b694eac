// A CliIo that records what a subcommand prints and serves named inputs from memory.
import { readFileSync } from 'node:fs';
import { InputTooLarge, type CliIo } from '../../../src/cli/command';

export interface CapturedIo extends CliIo {
  stdout: string;
  stderr: string;
}

export function captureIo(inputs: Record<string, string> = {}): CapturedIo {
  const io: CapturedIo = {
    stdout: '',
    stderr: '',
    out(text) { io.stdout += text; },
    err(text) { io.stderr += text; },
    async readInput(path, maxBytes) {
      const text = path in inputs ? inputs[path] : readFileSync(path, 'utf8');
      if (Buffer.byteLength(text) > maxBytes) throw new InputTooLarge(maxBytes);
      return text;
    },
  };
  return io;
}
