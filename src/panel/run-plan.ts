// What a view mode runs, column by column: which variant, on which text of the patch. The
// baseline/patched modes run the panel's document; the sent/edited modes run one variant on the
// text as sent (the original an edited copy remembers) and on the text as edited (the document).
// No `vscode` import.
import type { Variant } from '../kernel/statements';
import type { RunText, ViewMode } from '../shared/debugger-protocol';

export interface PlannedRun {
  readonly variant: Variant;
  /** Absent: the panel's document in a baseline/patched mode. */
  readonly text?: RunText;
}

/** The columns of a mode, in the order the panel shows them (as sent left, as edited right). */
export function planOf(mode: ViewMode): PlannedRun[] {
  switch (mode) {
    case 'both': return [{ variant: 'baseline' }, { variant: 'patched' }];
    case 'sent-edited': return [{ variant: 'patched', text: 'sent' }, { variant: 'patched', text: 'edited' }];
    case 'sent-edited-baseline': return [{ variant: 'baseline', text: 'sent' }, { variant: 'baseline', text: 'edited' }];
    default: return [{ variant: mode }];
  }
}

/** True for the modes that need the text as sent. */
export function comparesTexts(mode: ViewMode): boolean {
  return planOf(mode).some((run) => run.text !== undefined);
}

/** How the comparison and the run headers name a column. */
export function columnName(run: PlannedRun): string {
  return run.text === undefined ? run.variant : run.text === 'sent' ? 'as sent' : 'as edited';
}
