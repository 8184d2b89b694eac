// The post-image of each file as a patch shows it: only the lines its hunks carry (context and
// '+' lines), each piece at its real line number. Nothing between the hunks is known, so a diff
// of two such images must never run across a gap (see image-diff.ts).
import type { FilePatch, Patch } from '../patch/model';

/** A run of consecutive post-image lines, `start` 1-based. */
export interface ImageSegment {
  readonly start: number;
  readonly lines: readonly string[];
}

export interface ShownImage {
  /** The path as the patch names it (the new path; the old one for a deleted file). */
  readonly path: string;
  /** False for a file the patch deletes: it has no post-image. */
  readonly exists: boolean;
  readonly segments: readonly ImageSegment[];
}

export interface ShownImages {
  readonly files: readonly ShownImage[];
  /** What could not be read into images, for the reviewer. */
  readonly notices: readonly string[];
}

/** Each file's shown post-image, in the order the patch first names the file. */
export function shownPostImages(patch: Patch): ShownImages {
  const files = new Map<string, ShownImage>();
  const notices: string[] = [];
  for (const mail of patch.mails) {
    for (const file of mail.files) {
      const image = shownPostImage(file);
      if (file.isBinary) notices.push(`${image.path}: a binary patch has no text post-image; left out.`);
      else if (files.has(image.path)) notices.push(`${image.path} is patched more than once; only its first patch is compared.`);
      else files.set(image.path, image);
    }
  }
  return { files: [...files.values()], notices };
}

export function shownPostImage(file: FilePatch): ShownImage {
  const deleted = file.newPath === '/dev/null';
  const path = deleted ? file.oldPath : file.newPath;
  const segments: ImageSegment[] = [];
  for (const hunk of file.hunks) {
    let start: number | undefined;
    let lines: string[] = [];
    for (const line of hunk.lines) {
      if (line.newLine === undefined) continue;
      // A hunk is contiguous in the post-image; a jump (a damaged hunk) starts a new segment.
      if (start !== undefined && line.newLine !== start + lines.length) {
        segments.push({ start, lines });
        lines = [];
        start = undefined;
      }
      start ??= line.newLine;
      lines.push(line.text);
    }
    if (start !== undefined) segments.push({ start, lines });
  }
  return { path, exists: !deleted, segments: mergeTouching(segments.sort((a, b) => a.start - b.start)) };
}

/** Hunks that touch or overlap read as one segment (the later one's lines win where both speak). */
function mergeTouching(segments: readonly ImageSegment[]): ImageSegment[] {
  const out: { start: number; lines: string[] }[] = [];
  for (const segment of segments) {
    const last = out.at(-1);
    if (last && segment.start <= last.start + last.lines.length) {
      const offset = segment.start - last.start;
      last.lines.splice(offset, segment.lines.length, ...segment.lines);
    } else {
      out.push({ start: segment.start, lines: [...segment.lines] });
    }
  }
  return out;
}
