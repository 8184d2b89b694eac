// Which files of a patch the kernel model implements.
import type { FilePatch } from '../patch/model';

/** The C files whose functions the model reimplements. */
export const MODELLED_FILES: readonly string[] = ['kernel/pid.c', 'kernel/fork.c'];

export function isModelledFile(file: FilePatch): boolean {
  return MODELLED_FILES.includes(file.newPath) || MODELLED_FILES.includes(file.oldPath);
}
