// Reads a scenario file (or - for stdin) for simulate and trace --scenario: the size limit
// applies, and a UTF-8 byte order mark (editors on Windows save one) is not part of the JSON.
import type { CliIo } from './command';
import { readTextInput, type TextInput } from './patch-input';

export const BYTE_ORDER_MARK = '\ufeff';

export async function readScenarioText(command: string, path: string, io: CliIo, what: string): Promise<TextInput> {
  const read = await readTextInput(command, path, io, what);
  if (!read.ok || !read.text.startsWith(BYTE_ORDER_MARK)) return read;
  return { ok: true, text: read.text.slice(BYTE_ORDER_MARK.length) };
}
