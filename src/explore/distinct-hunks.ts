// An mbox that holds the same patch many times (a thread's copies, an archive dump) has the same
// hunks many times: explore them once. Two hunks are the same when they change the same file at
// the same place with the same lines; the first copy is kept, so reported lines point at it.
import type { FilePatch, Hunk, Patch } from '../patch/model';

function hunkKey(file: FilePatch, hunk: Hunk): string {
  const lines = hunk.lines.map((l) => l.kind + l.text).join('\n');
  return `${file.oldPath}\0${file.newPath}\0${hunk.oldStart},${hunk.oldLines},${hunk.newStart},${hunk.newLines}\0${lines}`;
}

/** The patch with every hunk that repeats an earlier one left out, and how many were. */
export function distinctHunks(patch: Patch): { patch: Patch; repeated: number } {
  const seen = new Set<string>();
  let repeated = 0;
  const mails = patch.mails.map((mail) => ({
    ...mail,
    files: mail.files.map((file) => ({
      ...file,
      hunks: file.hunks.filter((hunk) => {
        const key = hunkKey(file, hunk);
        if (seen.has(key)) {
          repeated++;
          return false;
        }
        seen.add(key);
        return true;
      }),
    })),
  }));
  return { patch: repeated === 0 ? patch : { ...patch, mails }, repeated };
}
