// The parsed form of a patch document. Every later layer (mapping, explanations, the editor,
// the debugger's highlight, review replies) reads positions from here and never re-derives
// them: a position is computed once, by the parser, against the document as the user sees it.
//
// Conventions: `line` and `character` are 0-based, like the editor's; JSON output for humans
// and the CLI converts to a 1-based `docLine`. Pre/post-image line numbers are 1-based, as in
// the `@@` header they come from.

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range in the document: `end` is just past the last character. */
export interface DocRange {
  readonly start: Position;
  readonly end: Position;
}

/** The diff line kinds, named by their prefix character. */
export type DiffLineKind = ' ' | '+' | '-' | '\\';

export interface DiffLine {
  readonly kind: DiffLineKind;
  /** The line's text without its prefix, after repair (unescaped, whitespace restored). */
  readonly text: string;
  /** The document line it was read from. Lines restored by a repair point at where they belong. */
  readonly line: number;
  /** Where the text sits in that document line (prefix excluded). */
  readonly range: DocRange;
  /** 1-based line number in the pre-image (context and '-' lines), else undefined. */
  readonly oldLine?: number;
  /** 1-based line number in the post-image (context and '+' lines), else undefined. */
  readonly newLine?: number;
  /** True when a repair produced or changed this line (see Patch.repairs). */
  readonly repaired?: boolean;
}

export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** The text after the second `@@`: usually the enclosing function's signature. */
  readonly section: string;
  /** The function named by `section`, when one can be read from it (`alloc_pidmap`). */
  readonly functionName?: string;
  /** The document line of the `@@` header. */
  readonly headerLine: number;
  readonly lines: readonly DiffLine[];
  /**
   * In a quoted reply that cut this hunk ("> [...]"): the lines quoted after the first cut, in
   * order, with their kind and text but no oldLine/newLine, since the cut hides how many lines
   * came before them. They are not in `lines`, which keeps only lines whose numbers are known.
   */
  readonly quotedAfterCut?: readonly DiffLine[];
  /** The whole hunk in the document, header included. */
  readonly range: DocRange;
}

export interface ExtendedHeader {
  /** e.g. 'index', 'new file mode', 'rename from', 'similarity index', 'GIT binary patch'. */
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

export interface FilePatch {
  /** Path with the `a/`, `b/` or quilt tree prefix removed; '/dev/null' for a created file. */
  readonly oldPath: string;
  readonly newPath: string;
  /** The prefix removed from each path ('a/', 'linux-2.6.26-rc8-mm1.orig/', ''). */
  readonly oldPrefix: string;
  readonly newPrefix: string;
  readonly extendedHeaders: readonly ExtendedHeader[];
  readonly isBinary: boolean;
  readonly hunks: readonly Hunk[];
  /** From the first header line of this file (`diff --git`, `Index:`, `---`) to its last hunk line. */
  readonly range: DocRange;
  /** The document line of the first header line (`diff --git`, `Index:` or `---`). */
  readonly headerLine: number;
}

export interface SeriesTag {
  readonly rfc: boolean;
  readonly version?: number;
  readonly index?: number;
  readonly total?: number;
  /** Other words inside the brackets: 'PATCH', 'net-next', 'RESEND', ... */
  readonly tags: readonly string[];
}

export interface Trailer {
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

export interface DiffstatEntry {
  readonly path: string;
  /** The number written (changed lines), or undefined for binary entries. */
  readonly changes?: number;
  /** The '+' and '-' marks as written (`++++++-----`). */
  readonly graph: string;
  readonly line: number;
}

export interface Diffstat {
  readonly entries: readonly DiffstatEntry[];
  /** From the summary line, "3 files changed, 102 insertions(+), 21 deletions(-)". */
  readonly filesChanged?: number;
  readonly insertions?: number;
  readonly deletions?: number;
  readonly summaryLine?: number;
}

export type RepairKind =
  | 'markdown-escape'
  | 'code-fence'
  | 'trailing-whitespace'
  | 'merged-separator'
  | 'leading-whitespace'
  | 'restored-blank-context'
  | 'html-entity'
  /** U+00A0 where the patch has a space: a page's `&nbsp;` copied as text. */
  | 'no-break-space'
  | 'obfuscated-address'
  | 'quoted-reply-prefix'
  | 'crlf'
  | 'content-transfer-encoding'
  | 'format-flowed'
  | 'mbox-from-escape'
  /** A blank line the archive added next to a code fence; the @@ counts show it is no hunk line. */
  | 'archive-blank-line'
  /** "[a@b](mailto:a@b)" → "a@b". */
  | 'markdown-link'
  /** A web archive's page text: navigation lines, "[thread overview]" after a date, "(raw)". */
  | 'archive-chrome'
  | 'other';

export interface Repair {
  readonly kind: RepairKind;
  readonly range: DocRange;
  readonly before: string;
  readonly after: string;
  /** Why the repair was made, in words a reviewer accepts ("the @@ header counts 6 old lines"). */
  readonly reason: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  readonly severity: Severity;
  readonly range: DocRange;
  /** Names the rule broken, with the numbers involved. */
  readonly message: string;
  /** A stable machine-readable code, e.g. 'hunk-count-mismatch', 'diffstat-mismatch'. */
  readonly code: string;
}

export interface Mail {
  readonly subject: string;
  readonly series: SeriesTag;
  readonly from?: string;
  readonly date?: string;
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly references: readonly string[];
  /** Other headers as read (To, Cc, ...), keys as written. */
  readonly headers: readonly { readonly key: string; readonly value: string; readonly line: number }[];
  /** The commit message: the body up to the `---` separator (or the first diff). */
  readonly message: string;
  readonly trailers: readonly Trailer[];
  readonly diffstat?: Diffstat;
  readonly files: readonly FilePatch[];
  /** The whole mail in the document. */
  readonly range: DocRange;
  /** The document line of the Subject (or the first line of the mail when it has none). */
  readonly subjectLine: number;
}

export interface Patch {
  readonly mails: readonly Mail[];
  readonly repairs: readonly Repair[];
  readonly problems: readonly Problem[];
  /** The number of lines of the document parsed, for consumers that check they hold the same text. */
  readonly lineCount: number;
}
