// Reads and parses the patch document a subcommand was given, with one error line when the
// file cannot be read.
import type { CliIo } from './command';
import type { Patch } from '../patch/model';
import { parsePatchDocument } from '../patch/parse';

export type PatchInput = { ok: true; text: string; patch: Patch } | { ok: false };

export async function readPatchInput(command: string, file: string, io: CliIo): Promise<PatchInput> {
  let text: string;
  try {
    text = await io.readInput(file);
  } catch (error) {
    io.err(`kpr ${command}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return { ok: false };
  }
  return { ok: true, text, patch: parsePatchDocument(text) };
}
