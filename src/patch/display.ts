// How a file of a patch is named to a reviewer.
import type { FilePatch } from './model';

/** The file's path after the patch, or its old path when the patch deletes it. */
export function displayPath(file: FilePatch): string {
  return file.newPath === '/dev/null' ? file.oldPath : file.newPath;
}
