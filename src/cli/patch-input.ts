// Reads and parses the patch document a subcommand was given. Every way an input can fall short
// gets one line saying what was found, with the exit status the help states: unreadable or too
// large (2), no patch in it (1), a patch that shows none of the modelled kernel code (1).
import { EXIT_NOTHING_FOUND, EXIT_USAGE, InputTooLarge, type CliIo } from './command';
import type { Patch } from '../patch/model';
import { DEFAULT_MAX_BYTES, parsePatchDocument } from '../patch/parse';
import { isModelledFile, MODELLED_FILES } from '../mapping';

export type PatchInput = { ok: true; text: string; patch: Patch } | { ok: false; exit: number };

/** What reading an input gave: its text, or the exit status after one error line was printed. */
export type TextInput = { ok: true; text: string } | { ok: false; exit: number };

/** Reads FILE (or - for stdin) with the size limit; a failure is one line naming the input. */
export async function readTextInput(command: string, file: string, io: CliIo, what = file): Promise<TextInput> {
  try {
    return { ok: true, text: await io.readInput(file, DEFAULT_MAX_BYTES) };
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

/** Says on stderr that the patch shows none of the modelled kernel code (true), or nothing. */
export function reportNotModelled(command: string, file: string, patch: Patch, io: CliIo): boolean {
  const files = patch.mails.flatMap((mail) => mail.files);
  if (files.some(isModelledFile)) return false;
  io.err(`kpr ${command}: ${inputName(file)}: the patch changes ${files.length} file${files.length === 1 ? '' : 's'}, none of the modelled kernel code (${MODELLED_FILES.join(', ')})\n`);
  return true;
}

/** For the commands that work on the modelled code (trace, explore): the input, or why not. */
export async function readModelledPatchInput(command: string, file: string, io: CliIo): Promise<PatchInput> {
  const input = await readPatchInput(command, file, io);
  if (!input.ok) return input;
  if (reportNoPatch(command, file, input, io) || reportNotModelled(command, file, input.patch, io)) return { ok: false, exit: EXIT_NOTHING_FOUND };
  return input;
}

export function inputName(file: string): string {
  return file === '-' ? 'standard input' : file;
}
