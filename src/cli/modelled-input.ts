// For the commands that work on the modelled kernel code (map, trace, explore): whether a patch
// shows any of it, said in one line with exit status 1 when it does not. Apart from
// patch-input.ts so that `kpr parse` loads none of the model.
import { EXIT_NOTHING_FOUND, type CliIo } from './command';
import type { Patch } from '../patch/model';
import { isModelledFile, MODELLED_FILES } from '../mapping';
import { inputName, readPatchInput, reportNoPatch, type PatchInput } from './patch-input';

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
