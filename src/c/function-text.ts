// A function's text as the interpreter parses it: lines from the patch (each knowing the document
// line and column it came from) interleaved with lines the model supplies for what the patch does
// not show. A position in the assembled text maps back to the patch's document, or to the model.

/** Where one assembled line came from: a patch line (document position) or the model. */
export type LineOrigin =
  | { readonly from: 'patch'; readonly docLine: number; readonly docColumn: number; readonly statementIds: readonly string[] }
  | { readonly from: 'model'; readonly statementIds: readonly string[] };

export interface TextLine {
  readonly text: string;
  readonly origin: LineOrigin;
}

/** A document position (0-based line and column), or null for text the model supplied. */
export interface DocPoint {
  readonly line: number;
  readonly column: number;
}

export class FunctionText {
  constructor(
    readonly name: string,
    readonly lines: readonly TextLine[],
  ) {}

  /** The model statement ids the line at row is placed on (by the mapping, or the model's own). */
  statementIdsAt(row: number): readonly string[] {
    return this.lines[row]?.origin.statementIds ?? [];
  }

  get text(): string {
    return this.lines.map((l) => l.text).join('\n');
  }

  /** The document position of (row, column) of the assembled text; null inside model lines. */
  docPoint(row: number, column: number): DocPoint | null {
    const origin = this.lines[row]?.origin;
    if (origin === undefined || origin.from !== 'patch') return null;
    return { line: origin.docLine, column: origin.docColumn + column };
  }

  /** The nearest patch position at or before row (for problems found in model text). */
  nearestDocPoint(row: number): DocPoint | null {
    for (let r = Math.min(row, this.lines.length - 1); r >= 0; r--) {
      const origin = this.lines[r].origin;
      if (origin.from === 'patch') return { line: origin.docLine, column: origin.docColumn };
    }
    return null;
  }
}
