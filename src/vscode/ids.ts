// Identifiers shared between the manifest (package.json) and the code: one place to rename.

/** The language id kpr contributes for patch mails (.patch, .diff, .mbox, .eml, detected mails). */
export const PATCH_LANGUAGE_ID = 'kernel-patch';

export const Commands = {
  openSample: 'kpr.openSample',
  reviewAsPatch: 'kpr.reviewAsPatch',
  nextHunk: 'kpr.nextHunk',
  previousHunk: 'kpr.previousHunk',
  nextFile: 'kpr.nextFile',
  previousFile: 'kpr.previousFile',
  openFileImages: 'kpr.openFileImages',
} as const;
