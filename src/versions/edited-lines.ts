// Which lines of an edited copy differ from the patch as sent: the editor marks them ("edited"),
// so a reviewer sees at a glance what runs as their text rather than the author's.
import { diffArrays } from 'diff';

export interface EditedStretch {
  /** 0-based first and last edited-text line (inclusive) the edit added or changed. */
  readonly first: number;
  readonly last: number;
  /** Sent lines this stretch replaced (0 for a pure insertion). */
  readonly removed: number;
}

export interface EditedLines {
  readonly stretches: readonly EditedStretch[];
  /** 0-based edited-text lines just after which sent lines were removed with nothing in their place. */
  readonly deletionsAfter: readonly number[];
}

export function editedLines(sentText: string, editedText: string): EditedLines {
  const stretches: EditedStretch[] = [];
  const deletionsAfter: number[] = [];
  let line = 0;
  let removed = 0;
  for (const change of diffArrays(sentText.split(/\r?\n/), editedText.split(/\r?\n/))) {
    const count = change.value.length;
    if (change.removed) {
      removed += count;
      continue;
    }
    if (change.added) {
      stretches.push({ first: line, last: line + count - 1, removed });
      line += count;
    } else {
      if (removed > 0) deletionsAfter.push(line - 1);
      line += count;
    }
    removed = 0;
  }
  if (removed > 0) deletionsAfter.push(line - 1);
  return { stretches, deletionsAfter };
}
