// Rebuilds the pre-image and post-image of one file from its hunks, for the editor's native diff
// view. Lines keep their real numbers (the parts the patch does not show are blank), so line 122
// of the image is line 122 of the file the patch was made against.
import type { FilePatch } from './model';

export interface FileImages {
  readonly pre: string;
  readonly post: string;
}

export function buildFileImages(file: FilePatch): FileImages {
  const pre: string[] = [];
  const post: string[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.oldLine !== undefined) place(pre, line.oldLine, line.text);
      if (line.newLine !== undefined) place(post, line.newLine, line.text);
    }
  }
  return { pre: pre.join('\n') + '\n', post: post.join('\n') + '\n' };
}

function place(image: string[], oneBasedLine: number, text: string): void {
  // Hostile headers can claim huge line numbers: never pad an image past a sane size.
  if (oneBasedLine < 1 || oneBasedLine > 10_000_000) return;
  while (image.length < oneBasedLine - 1) image.push('');
  image[oneBasedLine - 1] = text;
}
