// One recorded run as a debugger sees it (vscode-mock-debug's MockRuntime role): the moves, with
// the one stop rule applied to every one of them; where each point and frame shows; the faults
// and their sites, computed once per run; and caps on what one stop carries.
import type { Variant } from '../kernel/statements';
import type { MappingIndex } from '../mapping';
import type { Session, Stop } from '../stepper/session';
import { faultSites, type FaultSite } from './fault-sites';
import { SourceLocator, type SourceLocation, type StepSiteRef } from './locations';
import { LineBreakpoints } from './stop-rule';

/** Faults listed per stop (the panel's list, the Faults scope): a long run commits thousands. */
export const MAX_LISTED_FAULTS = 1000;

/** The moves a debugger offers; each is one call on DebugRun. */
export type RunMove = 'continue' | 'reverseContinue' | 'stepOver' | 'stepIn' | 'stepOut' | 'stepBack' | 'stepBackOver' | 'restart' | 'runToEnd';

export interface RunStop {
  readonly reason: Stop['reason'];
  readonly index: number;
  /** The breakpoint lines the stop is on, when a breakpoint stopped it. */
  readonly hitLines: readonly number[];
}

export class DebugRun {
  readonly locator: SourceLocator;
  private breakpoints: LineBreakpoints;
  private sites: FaultSite[] | null = null;

  constructor(
    readonly session: Session,
    index: MappingIndex,
  ) {
    this.locator = new SourceLocator(index, session.scenario.variant);
    this.breakpoints = new LineBreakpoints(session, this.locator, []);
  }

  get variant(): Variant {
    return this.session.scenario.variant;
  }

  get index(): number {
    return this.session.index;
  }

  /** The breakpoint lines (0-based patch document lines) every later move obeys. */
  setBreakpointLines(lines: Iterable<number>): void {
    this.breakpoints = new LineBreakpoints(this.session, this.locator, lines);
  }

  move(how: RunMove): RunStop {
    const s = this.session;
    const hit = this.breakpoints.size === 0 ? new Set<string>() : (p: { index: number }): boolean => this.breakpoints.hits(p.index);
    const stop =
      how === 'continue' ? s.continue(hit)
        : how === 'reverseContinue' ? s.reverseContinue(hit)
          : how === 'stepOver' ? s.stepOver(hit)
            : how === 'stepIn' ? s.stepIn()
              : how === 'stepOut' ? s.stepOut(hit)
                : how === 'stepBack' ? s.stepBack()
                  : how === 'stepBackOver' ? s.stepBackOver(hit)
                    : how === 'restart' ? s.restart()
                      : s.runToEnd();
    return this.stopOf(stop.reason);
  }

  goTo(index: number): RunStop {
    return this.stopOf(this.session.goTo(index).reason);
  }

  /** Restarts and runs to the first arrival on `line` (run to cursor); reason 'end' when none. */
  runToLine(line: number): RunStop {
    this.session.restart();
    const once = new LineBreakpoints(this.session, this.locator, [line]);
    const reason = this.session.continue((p) => once.hits(p.index)).reason;
    return { reason, index: this.session.index, hitLines: reason === 'breakpoint' ? [line] : [] };
  }

  /** Where a frame (or the point's top frame) shows. */
  locate(site: StepSiteRef): SourceLocation {
    return this.locator.locate(site);
  }

  /** Every fault of the run with its site, in order (computed on first use). */
  allFaultSites(): readonly FaultSite[] {
    this.sites ??= faultSites(this.session, (site) => this.locator.isShown(site));
    return this.sites;
  }

  /** The sites of faults [from, to) of the run. */
  faultSitesIn(from: number, to: number): readonly FaultSite[] {
    return this.allFaultSites().slice(Math.max(0, from), Math.max(0, to));
  }

  private stopOf(reason: Stop['reason']): RunStop {
    const index = this.session.index;
    return { reason, index, hitLines: reason === 'breakpoint' ? this.breakpoints.linesAt(index) : [] };
  }
}
