// The reviewer's change in a reply ("Something like this:" and a diff), as kernel reviewers
// write it. The claim of testing comes from the behavioural comparison, only when it is true.
export interface SuggestedChange {
  /** A unified diff with `diff --git`/`---`/`+++` headers (src/versions/suggested-change.ts). */
  readonly diff: string;
  /** e.g. "tested in kpr against 412 scenarios: invalid-free no longer reported"; absent when untested. */
  readonly tested?: string;
}

export const SUGGESTION_LEAD = 'Something like this';

/** The reply lines of a suggestion; the diff kept verbatim (never wrapped: it must apply). */
export function suggestionLines(suggestion: SuggestedChange): string[] {
  const diff = suggestion.diff.replace(/\n$/, '');
  if (diff === '') return [];
  return [`${SUGGESTION_LEAD}${suggestion.tested ? ` (${suggestion.tested})` : ''}:`, '', ...diff.split('\n')];
}
