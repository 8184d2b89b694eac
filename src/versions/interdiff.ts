// The interdiff of two versions of a patch (like `b4 diff` or `git range-diff`): what changed
// between the post-images the two versions show, file by file, as one unified diff. Pure.
import type { Patch } from '../patch/model';
import { diffImages, formatFileDiff, type FileDiff, type ImageDiffOptions } from './image-diff';
import { shownPostImages, type ShownImage } from './shown-images';

export interface PostImageDiff {
  readonly files: readonly FileDiff[];
  /** The unified diff of every file that changed, '' when none did. */
  readonly text: string;
  readonly notices: readonly string[];
}

/** Compares the post-images of two patches, file by file (paired by path). */
export function diffPostImages(older: Patch, newer: Patch, options: ImageDiffOptions = {}): PostImageDiff {
  const a = shownPostImages(older);
  const b = shownPostImages(newer);
  const notices = [...new Set([...a.notices, ...b.notices])];
  const byPath = new Map<string, { old?: ShownImage; new?: ShownImage }>();
  for (const image of a.files) byPath.set(image.path, { old: image });
  for (const image of b.files) byPath.set(image.path, { ...byPath.get(image.path), new: image });
  const files: FileDiff[] = [];
  for (const [path, pair] of byPath) {
    if (!pair.old) notices.push(`${path} is patched only by the newer text: its shown lines read as added.`);
    if (!pair.new) notices.push(`${path} is patched only by the older text: its shown lines read as removed.`);
    const diff = diffImages(pair.old, pair.new, options);
    if (diff.hunks.length > 0) files.push(diff);
  }
  return { files, text: files.map(formatFileDiff).join(''), notices };
}

/** v1 → v2: each side numbered by its own hunks, since each was made against its own tree. */
export function interdiff(v1: Patch, v2: Patch): PostImageDiff {
  return diffPostImages(v1, v2, { numbering: 'own' });
}
