// The alloc_pid panel's state without the editor: the scenario, one DebugRun per variant shown,
// the breakpoint lines, and the moves (the runtime's, with its one stop rule). The controller in
// src/vscode/debugger-panel wraps it with VS Code (documents, breakpoints, decorations, the panel). No
// `vscode` import: unit tests drive it in Node.
import { defaultScenario } from '../kernel/scenario-input';
import type { PatchPrograms } from '../interp/programs';
import type { MappingIndex } from '../mapping';
import { DebugRun } from '../runtime';
import { Session, type Stop } from '../stepper/session';
import {
  VIEW_MODES, type BreakpointItem, type ComparisonView, type DebuggerState, type ScenarioErrorItem, type ScenarioJson, type StepCommand, type ViewMode,
} from '../shared/debugger-protocol';
import { compareRuns } from './comparison';
import { columnName, comparesTexts, planOf, type PlannedRun } from './run-plan';
import { runView } from './view-model';

export interface CoreRun extends PlannedRun {
  readonly run: DebugRun;
  readonly session: Session;
  stopReason: Stop['reason'];
}

/** A text of the patch the runs can execute: its lines' mapping and its variants' programs. */
export interface PatchText {
  readonly index: MappingIndex;
  readonly programs: PatchPrograms;
  /**
   * For the text as sent: its line for a line of the panel's document (unchangedLines), absent
   * for a line the edit changed. Breakpoints and run-to-line are set on the document's lines.
   */
  readonly fromDocumentLine?: ReadonlyMap<number, number>;
}

export class DebuggerCore {
  scenario: ScenarioJson = defaultScenario(null);
  mode: ViewMode = 'patched';
  errors: ScenarioErrorItem[] = [];
  runs: CoreRun[] = [];
  message: string | null = null;
  /** Computed once per load: the paths do not change while stepping. */
  comparison: ComparisonView | null = null;
  /** The scenario and mode the runs on screen were recorded from (the last valid one). */
  private runScenario: { scenario: ScenarioJson; mode: ViewMode } | null = null;
  /** Enabled breakpoint lines (0-based document lines). */
  breakpointLines: readonly number[] = [];
  /** The text as sent, when the document is an edited copy (Try a Change…): the sent/edited modes run it. */
  private sent: PatchText | null = null;

  /**
   * `programs`: what each variant of the patch document runs (programsFor: its text as written).
   * The runs on screen keep the programs they were recorded with until the next load.
   */
  constructor(
    private index: MappingIndex,
    private programs: PatchPrograms,
  ) {}

  setMapping(index: MappingIndex, programs: PatchPrograms): void {
    this.index = index;
    this.programs = programs;
    this.runs = this.runs.map((r) => ({ ...r, run: new DebugRun(r.session, this.textOf(r)?.index ?? index) }));
    this.compare();
  }

  /** The document's original as sent (null: the document is no edited copy, the sent/edited modes refuse). */
  setSent(sent: PatchText | null): void {
    this.sent = sent;
  }

  /** Whether the sent/edited modes can run. */
  get hasSent(): boolean {
    return this.sent !== null;
  }

  /** The text a run executes: the one as sent, or the document. */
  private textOf(run: PlannedRun): PatchText | null {
    return run.text === 'sent' ? this.sent : { index: this.index, programs: this.programs };
  }

  private compare(): void {
    const [a, b] = this.runs;
    this.comparison = this.runs.length === 2 ? compareRuns(a.run, b.run, [columnName(a), columnName(b)]) : null;
  }

  get mapping(): MappingIndex {
    return this.index;
  }

  /**
   * Validates and records the scenario for each variant of the mode; returns the broken rules.
   * A scenario that breaks a rule replaces nothing: see keepLastValidRuns.
   */
  load(scenario: ScenarioJson, mode: ViewMode, positions: readonly number[] = []): ScenarioErrorItem[] {
    this.scenario = scenario;
    this.mode = mode;
    this.message = null;
    const runs: CoreRun[] = [];
    if (comparesTexts(mode) && !this.sent) {
      return this.keepLastValidRuns([{ path: 'variant', message: 'as sent vs as edited needs an edited copy of a patch (Kernel Patch Review: Try a Change…)' }]);
    }
    for (const planned of planOf(mode)) {
      const { variant } = planned;
      const text = this.textOf(planned)!;
      const program = text.programs[variant];
      if (program.kind === 'refused') {
        // The variant's text cannot run as written: say where, as the editor's Problems do.
        const which = planned.text === 'sent' ? `${variant} text as sent` : `${variant} text`;
        return this.keepLastValidRuns(program.problems.map((p) => ({ path: 'variant', message: `the ${which} cannot run as written: line ${p.line + 1}, column ${p.column + 1}: ${p.message}` })));
      }
      const result = Session.create({ ...scenario, variant }, { code: program.code });
      if (!result.ok) return this.keepLastValidRuns(result.errors.map((e) => ({ path: e.path, message: e.message })));
      runs.push({ ...planned, run: new DebugRun(result.session, text.index), session: result.session, stopReason: 'start' });
    }
    this.errors = [];
    this.runs = runs;
    this.runScenario = { scenario, mode };
    this.compare();
    runs.forEach((run, i) => {
      if (positions[i] !== undefined) run.stopReason = run.session.goTo(positions[i]).reason;
    });
    return [];
  }

  /**
   * The runs on screen stay (and keep stepping) until a valid scenario replaces them, so a typo
   * in the form never throws a run away; the form shows the broken rules beside their fields.
   */
  private keepLastValidRuns(errors: ScenarioErrorItem[]): ScenarioErrorItem[] {
    this.errors = errors;
    return errors;
  }

  /** The scenario to save for a reload: the one the runs on screen come from, else the one typed. */
  persistedScenario(): { scenario: ScenarioJson; mode: ViewMode } {
    return this.runs.length > 0 && this.runScenario ? this.runScenario : { scenario: this.scenario, mode: this.mode };
  }

  step(command: StepCommand): void {
    this.message = null;
    for (const run of this.runs) {
      run.run.setBreakpointLines(this.linesFor(run, this.breakpointLines));
      run.stopReason = run.run.move(command).reason;
    }
  }

  goTo(run: number, index: number): void {
    const target = this.runs[run];
    if (!target) return;
    this.message = null;
    target.stopReason = target.run.goTo(index).reason;
  }

  /** Restarts and runs each variant to the first arrival on `line`; false when none reaches it. */
  runToLine(line: number): boolean {
    let reached = false;
    for (const run of this.runs) {
      const own = this.linesFor(run, [line]);
      if (own.length === 0) continue; // the edit changed the line: the sent text has none like it
      const stop = run.run.runToLine(own[0]);
      run.stopReason = stop.reason;
      reached ||= stop.reason === 'breakpoint';
    }
    this.message = reached ? null : `Line ${line + 1} is not executed in this scenario${this.index.line(line) ? '' : ' (it is not a C line of the patch)'}.`;
    return reached;
  }

  /** Document lines as the run's own text numbers them (the sent text: the lines the edit left alone). */
  private linesFor(run: PlannedRun, lines: readonly number[]): readonly number[] {
    if (run.text !== 'sent') return lines;
    const map = this.sent?.fromDocumentLine;
    return map ? lines.flatMap((line) => (map.has(line) ? [map.get(line)!] : [])) : [];
  }

  positions(): number[] {
    return this.runs.map((run) => run.session.index);
  }

  state(document: DebuggerState['document'], breakpoints: readonly BreakpointItem[]): DebuggerState {
    const runs = this.runs.map((run) => (run.text === undefined ? runView(run.run, run.stopReason) : { ...runView(run.run, run.stopReason), text: run.text }));
    return {
      scenario: this.scenario,
      mode: this.mode,
      errors: this.errors,
      document,
      runs,
      breakpoints,
      comparison: this.comparison,
      message: this.message,
      ...(this.errors.length > 0 && this.runs.length > 0 ? { runScenario: this.persistedScenario() } : {}),
      modes: VIEW_MODES.filter((mode) => this.hasSent || !comparesTexts(mode)),
    };
  }
}
