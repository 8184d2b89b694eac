// Which line of the text as sent is the same line of the text as edited: what lets a breakpoint set
// in the edited document stop the run of the sent text too (a line the edit changed or added has
// no counterpart). No `vscode` import.
import { diffArrays } from 'diff';

/** Edited line (0-based) → sent line (0-based), for the lines the edit left alone. */
export function unchangedLines(sentText: string, editedText: string): ReadonlyMap<number, number> {
  const pairs = new Map<number, number>();
  let sent = 0;
  let edited = 0;
  for (const part of diffArrays(sentText.split('\n'), editedText.split('\n'))) {
    const count = part.count ?? part.value.length;
    if (part.added) edited += count;
    else if (part.removed) sent += count;
    else for (let i = 0; i < count; i++) pairs.set(edited++, sent++);
  }
  return pairs;
}
