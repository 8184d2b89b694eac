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
  showInModel: 'kpr.showInModel',
  exploreScenarios: 'kpr.exploreScenarios',
  /** Debugger (webview): asks for a next_syscall_data value. */
  debugAllocPid: 'kpr.debugAllocPid',
  /** Debugger: args (scenario: object, documentUri?: string) — from a diagnostic's quick fix. */
  debugScenario: 'kpr.debugScenario',
  /** Debugger: args (documentUri: string, line: number /* 0-based *\/) — from a hover or CodeLens. */
  debugToHere: 'kpr.debugToHere',
} as const;

/** Commands that hovers may link to: only our own are trusted in hover Markdown. */
export const HOVER_COMMANDS: readonly string[] = [Commands.debugToHere, Commands.debugScenario, Commands.showInModel];
