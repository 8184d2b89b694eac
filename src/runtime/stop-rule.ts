// The one stop rule: when a run with breakpoints on patch lines stops. Every move of the panel
// and of the native debugger (continue, reverse continue, step over, step out, step back over)
// asks this predicate, so both stop at the same points.
//
// A line breakpoint stops once per arrival on its line, as VS Code users expect from any
// debugger: the line's code starts to run in a frame that was not already on that line. Several
// steps can show one line (a `for` header's test and its `i--` run back to back: the sample's
// `for ( ; i >= 0; i--) {` at depth 1 is steps 38 and 39), and they stop once, at the first
// (38, not 39). A call made from the line and returning to it is not a new arrival either; a
// call that reaches the same line in a new frame (recursion) is. Reverse continue stops at the
// same points walking back, so going forward and back visits the same stops.
import type { Session } from '../stepper/session';
import type { SourceLocator } from './locations';

export class LineBreakpoints {
  private readonly lines: ReadonlySet<number>;

  constructor(
    private readonly session: Session,
    private readonly locator: SourceLocator,
    lines: Iterable<number>,
  ) {
    this.lines = new Set(lines);
  }

  get size(): number {
    return this.lines.size;
  }

  /** The breakpoint lines the point's statement shows on (empty: none). */
  linesAt(index: number): number[] {
    if (this.lines.size === 0) return [];
    const frames = this.session.frames(index);
    return this.locator.linesOf(frames[frames.length - 1]).filter((line) => this.lines.has(line));
  }

  /** True when the point is an arrival on a breakpoint line (see the rule above). */
  hits(index: number): boolean {
    const hit = this.linesAt(index);
    if (hit.length === 0) return false;
    const before = this.session.frameSiteBefore(index);
    if (before === null) return true;
    const previous = this.locator.linesOf(before);
    return !hit.some((line) => previous.includes(line));
  }
}
