// Builds the panel's view model for one run at its current point: everything the webview shows,
// computed here in the extension host so the webview only renders. It presents the runtime's
// answers (locations, fault sites, caps). No `vscode` import: the unit tests run this in Node.
import { BITS_PER_PAGE } from '../kernel/constants';
import type { Outcome } from '../kernel/outcome';
import { MAX_LISTED_FAULTS, type DebugRun, type SourceLocator, type StepSiteRef } from '../runtime';
import { formatFaultCause, formatTarget, formatValue, heapDetail } from '../stepper/format';
import { describeChange, type ExecutionPoint, type FrameView } from '../stepper/point';
import { isSetIn, type LevelSnapshot } from '../stepper/pidmap-snapshot';
import { localValue, scanMarks, type ScanMarks } from '../stepper/scan-marks';
import type { Session, Stop } from '../stepper/session';
import { runScenarioKeys } from './run-scenario-keys';
import type {
  BitmapView, EventItem, FaultItem, FrameItem, LocationView, OutcomeSummary, RunView, StructPidView,
} from '../shared/debugger-protocol';

/** Bits drawn in the zoomed strip of each level. */
export const WINDOW_BITS = 256;
/** Points whose changes make up the event log. */
const EVENT_POINTS = 25;
const MAX_EVENTS = 60;
const MAX_HEAP_ITEMS = 200;
const MAX_OUTCOME_LINES = 20;

export function locationOf(locator: SourceLocator, site: StepSiteRef, changes: readonly string[] = []): LocationView {
  const at = locator.locate(site);
  const stepId = site.stepId ?? '';
  if (at.kind === 'patch') return { kind: 'patch', line: at.line, text: at.text, stepId };
  return {
    kind: 'model',
    tsFile: at.tsFile,
    tsSymbol: at.tsSymbol,
    stepId,
    description: changes.length > 0 ? `${at.what}; it did: ${changes.join('; ')}` : `${at.what} (not a line of this patch)`,
  };
}

function bitAt(level: LevelSnapshot, nr: number): boolean {
  const page = level.pages.find((p) => p.entry === ((nr / BITS_PER_PAGE) | 0));
  return page !== undefined && isSetIn(page, nr % BITS_PER_PAGE);
}

export function bitmapView(level: LevelSnapshot, pidMax: number, marks: ScanMarks | undefined): BitmapView {
  const entries = Math.ceil(pidMax / BITS_PER_PAGE);
  const byEntry = new Map(level.pages.map((p) => [p.entry, p]));
  const pages = Array.from({ length: entries }, (_, entry) => {
    const page = byEntry.get(entry);
    return { entry, allocated: page !== undefined, used: page ? BITS_PER_PAGE - page.nrFree : 0 };
  });
  const inRange = (n: number | null | undefined): number | null => (n !== null && n !== undefined && n >= 0 && n < pidMax ? n : null);
  const cursor = inRange(marks?.cursor);
  const test = inRange(marks?.test);
  const focus = test ?? cursor ?? level.lastPid;
  const size = Math.min(WINDOW_BITS, pidMax);
  const start = Math.max(0, Math.min(pidMax - size, Math.floor((focus - size / 2) / 16) * 16));
  let bits = '';
  for (let nr = start; nr < start + size; nr++) bits += bitAt(level, nr) ? '1' : '0';
  return { level: level.level, pidMax, lastPid: level.lastPid, pages, windowStart: start, windowBits: bits, cursor, test };
}

/** The struct pid that the innermost alloc_pid is building, or its error pointer. */
export function structPidOf(point: ExecutionPoint): StructPidView | null {
  const frame = [...point.stack].reverse().find((f) => f.fn === 'alloc_pid');
  const value = frame ? localValue(frame, 'pid') : undefined;
  if (value?.kind !== 'ptr') return null;
  const target = value.target;
  if (target.kind === 'err-ptr') return { address: formatTarget(target), state: 'error pointer', numbers: [] };
  if (target.kind !== 'struct pid') return null;
  const object = point.heap.find((h) => h.ref.kind === 'struct pid' && h.ref.id === target.id);
  if (!object) return { address: formatTarget(target), state: 'unknown', numbers: [] };
  return { address: formatTarget(target), state: object.state, numbers: object.numbers };
}

function frameItems(locator: SourceLocator, stack: readonly FrameView[]): FrameItem[] {
  return stack.map((frame) => ({
    fn: frame.fn,
    stepId: frame.stepId ?? '',
    line: locator.linesOf(frame)[0] ?? null,
    locals: frame.locals.map((l) => ({ name: l.name, type: l.type, value: formatValue(l.value), changed: l.changed })),
  }));
}

// Each fault's item is built once per run and shared by every later step: at the end of a long
// run a step lists MAX_LISTED_FAULTS of them, and rebuilding each one per step cost most of it.
const faultItemsOfRun = new WeakMap<DebugRun, FaultItem[]>();

/** The first MAX_LISTED_FAULTS faults committed so far, each on its line. */
function faultItems(run: DebugRun, point: ExecutionPoint): FaultItem[] {
  const count = Math.min(point.faultCount, MAX_LISTED_FAULTS);
  let items = faultItemsOfRun.get(run);
  if (items === undefined) faultItemsOfRun.set(run, (items = []));
  for (const site of run.faultSitesIn(items.length, count)) {
    const where = locationOf(run.locator, site.site);
    items.push({
      kind: site.fault.kind,
      fork: site.fault.fork,
      detail: formatFaultCause(site.fault.cause),
      line: where.kind === 'patch' ? where.line : null,
      where: where.kind === 'patch' ? where.text : `model: ${where.tsFile} ${where.tsSymbol}`,
      pointIndex: site.pointIndex,
    });
  }
  return items.slice(0, count);
}

function eventItems(session: Session, at: number): EventItem[] {
  const events: EventItem[] = [];
  for (let i = Math.max(1, at - EVENT_POINTS + 1); i <= at; i++) {
    for (const change of session.changes(i)) events.push({ index: i, text: describeChange(change) });
  }
  return events.slice(-MAX_EVENTS);
}

export function outcomeSummary(outcome: Outcome): OutcomeSummary {
  const forks: string[] = [];
  for (let i = 0; i < Math.min(outcome.forks.length, MAX_OUTCOME_LINES); i++) {
    const fork = outcome.forks.at(i);
    forks.push('pids' in fork ? `fork ${i}: pids [${fork.pids.join(', ')}]` : `fork ${i}: ${fork.errno}`);
  }
  const faults = outcome.faults.list(MAX_OUTCOME_LINES).map((f) => `${f.kind} in fork ${f.fork}`);
  const final = outcome.final.map((level) => {
    const ranges = level.used.slice(0, 12).map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
    const more = level.used.length > 12 ? `, … (${level.used.length} ranges)` : '';
    return `level ${level.level}: last_pid ${level.lastPid}; used ${ranges.join(', ')}${more}`;
  });
  return { forkCount: outcome.forks.length, forks, faultCount: outcome.faults.length, faults, nextSyscallData: outcome.nextSyscallData, final };
}

export function runView(run: DebugRun, stopReason: Stop['reason']): RunView {
  const session = run.session;
  const variant = run.variant;
  const point = session.current();
  const marks = scanMarks(point);
  return {
    variant,
    index: point.index,
    length: session.length,
    truncated: session.truncated,
    stopReason,
    fork: point.fork,
    nextSyscallData: point.nextSyscallData,
    location: locationOf(run.locator, point.stack[point.stack.length - 1], point.changes),
    stack: frameItems(run.locator, point.stack),
    bitmaps: point.pidmaps.map((level) => bitmapView(level, session.scenario.pidMax, marks.get(level.level))),
    structPid: structPidOf(point),
    heap: point.heap.slice(-MAX_HEAP_ITEMS).map((h) => ({ address: formatTarget(h.ref), type: h.type, state: h.state, detail: heapDetail(h) })),
    faults: faultItems(run, point),
    faultCount: point.faultCount,
    events: eventItems(session, point.index),
    outcome: outcomeSummary(session.outcome),
    scenarioKeys: runScenarioKeys(session.scenario),
  };
}
