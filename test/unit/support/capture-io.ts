// A CliIo that records what a subcommand prints and serves named inputs from memory.
import { readFileSync } from 'node:fs';
import { InputTooLarge, type CliIo } from '../../../src/cli/command';
import { decodeInput } from '../../../src/cli/input';

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
      if (path in inputs) {
        if (Buffer.byteLength(inputs[path]) > maxBytes) throw new InputTooLarge(maxBytes);
        return { text: inputs[path] };
      }
      const bytes = readFileSync(path);
      if (bytes.length > maxBytes) throw new InputTooLarge(maxBytes);
      return decodeInput(bytes);
    },
  };
  return io;
}
