// Identifiers shared between the manifest (package.json) and the code: one place to rename.

/** The language id kpr contributes for patch mails (.patch, .diff, .mbox, .eml, detected mails). */
export const PATCH_LANGUAGE_ID = 'kernel-patch';

/** The debug type of VS Code's native debugger over the model (package.json: contributes.debuggers). */
export const KPR_DEBUG_TYPE = 'kpr';

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

/** The alloc_pid debugger panel's own commands (keybindings scoped to the panel and patch editor). */
export const DebuggerCommands = {
  continue: 'kpr.debugger.continue',
  stepOver: 'kpr.debugger.stepOver',
  stepIn: 'kpr.debugger.stepIn',
  stepOut: 'kpr.debugger.stepOut',
  stepBack: 'kpr.debugger.stepBack',
  reverseContinue: 'kpr.debugger.reverseContinue',
  restart: 'kpr.debugger.restart',
  /** Not in the palette: returns the controller's state and decorated lines (integration tests). */
  inspect: 'kpr.debugger.inspect',
} as const;

/** Context key: true while the debugger has a recorded run. */
export const DEBUGGER_ACTIVE_CONTEXT = 'kpr.debugger.active';

/** Commands that hovers may link to: only our own are trusted in hover Markdown. */
export const HOVER_COMMANDS: readonly string[] = [Commands.debugToHere, Commands.debugScenario, Commands.showInModel];

/** Review (comments, reply, series, git apply check). Test-facing commands are kept out of the palette. */
export const ReviewCommands = {
  /** From the comment widget (comments/commentThread/context): arg CommentReply. */
  addComment: 'kpr.review.addComment',
  /** args (documentUri: string, line: number /* 0-based *\/, body: string) — findings, the debugger, tests. */
  addCommentAt: 'kpr.review.addCommentAt',
  deleteComment: 'kpr.review.deleteComment',
  deleteThread: 'kpr.review.deleteThread',
  discardComments: 'kpr.review.discardComments',
  /** args (documentUri?: string, options?: { trailers?: string[] }) → { uri, text, notices }[]. */
  composeReply: 'kpr.review.composeReply',
  /** Not in the palette: the comments of a document as { line, body }[] (tests). */
  listComments: 'kpr.review.listComments',
  openSeries: 'kpr.review.openSeries',
  nextPart: 'kpr.review.nextPart',
  previousPart: 'kpr.review.previousPart',
  openPart: 'kpr.review.openPart',
  markNotStarted: 'kpr.review.markNotStarted',
  markInProgress: 'kpr.review.markInProgress',
  markDone: 'kpr.review.markDone',
  /** Not in the palette: the series view's model (tests). */
  inspectSeries: 'kpr.review.inspectSeries',
  applyCheck: 'kpr.review.applyCheck',
} as const;

export const REVIEW_COMMENT_CONTROLLER_ID = 'kpr-review';
export const REVIEW_SERIES_VIEW_ID = 'kpr.review.series';

/** Try a Change, Compare Patch Versions and the Explore Differences view. */
export const VersionCommands = {
  /** args (documentUri?: string) → the edited copy's URI string. */
  tryChange: 'kpr.tryChange',
  /** args (firstUri?: string, secondUri?: string) → { uri, text, older, newer }. */
  compareVersions: 'kpr.compareVersions',
  /** Not in the palette: what the Explore Differences view shows (tests). */
  inspectDifferences: 'kpr.exploreDifferences.inspect',
} as const;
