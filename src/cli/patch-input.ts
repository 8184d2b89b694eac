// Reads and parses the patch document a subcommand was given. Every way an input can fall short
// gets one line saying what was found, with the exit status the help states: unreadable or too
// large (2), no patch in it (1). Whether it shows the modelled code is modelled-input.ts's
// question: `kpr parse` never loads the model.
import { EXIT_USAGE, InputTooLarge, type CliIo } from './command';
import type { Patch } from '../patch/model';
import { DEFAULT_MAX_BYTES, parsePatchDocument } from '../patch/parse';

export type PatchInput = { ok: true; text: string; patch: Patch } | { ok: false; exit: number };

/** What reading an input gave: its text, or the exit status after one error line was printed. */
export type TextInput = { ok: true; text: string } | { ok: false; exit: number };

/** Reads FILE (or - for stdin) with the size limit; a failure is one line naming the input. */
export async function readTextInput(command: string, file: string, io: CliIo, what = file): Promise<TextInput> {
  try {
    const input = await io.readInput(file, DEFAULT_MAX_BYTES);
    if (input.note !== undefined) io.err(`kpr ${command}: ${what}: ${input.note}\n`);
    return { ok: true, text: input.text };
  } catch (error) {
    if (error instanceof InputTooLarge) io.err(`kpr ${command}: ${what}: ${error.message}; nothing was read past it\n`);
    else io.err(`kpr ${command}: cannot read ${what}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return { ok: false, exit: EXIT_USAGE };
  }
}

export async function readPatchInput(command: string, file: string, io: CliIo): Promise<PatchInput> {
  const read = await readTextInput(command, file, io, inputName(file));
  if (!read.ok) return read;
  return { ok: true, text: read.text, patch: parsePatchDocument(read.text) };
}

/** Says on stderr that the input holds no diff (true), or says nothing (false). */
export function reportNoPatch(command: string, file: string, input: { text: string; patch: Patch }, io: CliIo): boolean {
  if (input.patch.mails.some((mail) => mail.files.length > 0)) return false;
  const what = input.text.length === 0 ? 'is empty' : `holds no patch (no diff was found in its ${input.patch.lineCount} lines)`;
  io.err(`kpr ${command}: ${inputName(file)} ${what}\n`);
  return true;
}

export function inputName(file: string): string {
  return file === '-' ? 'standard input' : file;
}
