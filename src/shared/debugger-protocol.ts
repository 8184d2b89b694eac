// The messages between the alloc_pid debugger panel (webview) and the extension host, declared
// once for both sides. Every message is checked on arrival with the guards below: a webview is
// a browser page, and whatever crosses postMessage is untrusted data until it passes its guard.
// The extension computes the whole view model; the webview only renders it. After the first
// state, a step sends only the fields that changed (debugger/delta; see debugger-delta.ts).
// Neither `vscode` nor the DOM is used here, so both sides and the unit tests can import it.

// ---------------------------------------------------------------------------------------------
// Guards: tiny combinators, so each message's guard reads like its type.

export type Guard<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString: Guard<string> = (v): v is string => typeof v === 'string';
export const isBoolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
/** A safe integer (line numbers, indexes, pid numbers). */
export const isInteger: Guard<number> = (v): v is number => typeof v === 'number' && Number.isSafeInteger(v);
export const isNonNegativeInteger: Guard<number> = (v): v is number => isInteger(v) && v >= 0;

export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (v): v is T | null => v === null || guard(v);
}

/** A field that may be absent (added after the first version of a message; older senders omit it). */
export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (v): v is T | undefined => v === undefined || guard(v);
}

export function arrayOf<T>(guard: Guard<T>, maxLength = 1_000_000): Guard<T[]> {
  return (v): v is T[] => Array.isArray(v) && v.length <= maxLength && v.every((item) => guard(item));
}

export function literal<const T extends readonly string[]>(...values: T): Guard<T[number]> {
  return (v): v is T[number] => typeof v === 'string' && (values as readonly string[]).includes(v);
}

type Shape = Record<string, Guard<unknown>>;
type FromShape<S extends Shape> = { [K in keyof S]: S[K] extends Guard<infer T> ? T : never };

/** An object with exactly these fields (extra fields are tolerated, missing or wrong ones are not). */
export function object<S extends Shape>(shape: S): Guard<FromShape<S>> {
  return (v): v is FromShape<S> => isRecord(v) && Object.keys(shape).every((key) => shape[key](v[key]));
}

/**
 * Some of an object's fields, each passing its own guard; a field outside the shape is refused
 * (a delta names only fields the receiver knows how to replace).
 */
export function partialOf<S extends Shape>(shape: S): Guard<Partial<FromShape<S>>> {
  return (v): v is Partial<FromShape<S>> => isRecord(v) && Object.keys(v).every((key) => Object.prototype.hasOwnProperty.call(shape, key) && shape[key](v[key]));
}

export function union<A, B>(a: Guard<A>, b: Guard<B>): Guard<A | B> {
  return (v): v is A | B => a(v) || b(v);
}

// ---------------------------------------------------------------------------------------------
// Shared vocabulary.

export const DEBUGGER_VIEW_TYPE = 'kpr.debugger';

/**
 * Which variant(s) the panel runs: one of them, or both side by side on the same scenario; or, on
 * an edited copy of a patch (Try a Change…), one variant run on the text as sent and as edited
 * side by side ('sent-edited': patched, 'sent-edited-baseline': baseline).
 */
export const VIEW_MODES = ['baseline', 'patched', 'both', 'sent-edited', 'sent-edited-baseline'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];
export const isViewMode = literal(...VIEW_MODES);

/** Which text of the patch a run executes, in the sent/edited modes. */
export type RunText = 'sent' | 'edited';
export const isRunText = literal('sent', 'edited');

export const STEP_COMMANDS = [
  'continue', 'stepOver', 'stepIn', 'stepOut', 'stepBack', 'stepBackOver', 'reverseContinue', 'restart', 'runToEnd',
] as const;
export type StepCommand = (typeof STEP_COMMANDS)[number];
export const isStepCommand = literal(...STEP_COMMANDS);

/** A scenario in the spec's JSON shape (validated by the kernel model, not here). */
export type ScenarioJson = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// The view model (extension → webview).

/** Where execution is: a patch line (its own C text), or the model's TypeScript outside the patch. */
export type LocationView =
  | { readonly kind: 'patch'; readonly line: number; readonly text: string; readonly stepId: string }
  | { readonly kind: 'model'; readonly tsFile: string; readonly tsSymbol: string; readonly stepId: string; readonly description: string };

export const isLocationView: Guard<LocationView> = union(
  object({ kind: literal('patch'), line: isNonNegativeInteger, text: isString, stepId: isString }),
  object({ kind: literal('model'), tsFile: isString, tsSymbol: isString, stepId: isString, description: isString }),
);

export interface LocalItem {
  readonly name: string;
  readonly type: string;
  readonly value: string;
  readonly changed: boolean;
}
const isLocalItem: Guard<LocalItem> = object({ name: isString, type: isString, value: isString, changed: isBoolean });

export interface FrameItem {
  readonly fn: string;
  readonly stepId: string;
  /** The patch line this frame is at, when the patch shows it. */
  readonly line: number | null;
  readonly locals: readonly LocalItem[];
}
const isFrameItem: Guard<FrameItem> = object({ fn: isString, stepId: isString, line: nullable(isNonNegativeInteger), locals: arrayOf(isLocalItem) });

export interface PageCell {
  readonly entry: number;
  readonly allocated: boolean;
  /** Bits set in the page (BITS_PER_PAGE - nr_free). */
  readonly used: number;
}
const isPageCell: Guard<PageCell> = object({ entry: isNonNegativeInteger, allocated: isBoolean, used: isNonNegativeInteger });

/** One namespace level's pid map: a page overview plus a zoomed strip of bits around the focus. */
export interface BitmapView {
  readonly level: number;
  readonly pidMax: number;
  readonly lastPid: number;
  /** One cell per pidmap entry below pid_max (at most 128). */
  readonly pages: readonly PageCell[];
  /** The first pid of the strip and its bits, '1' set and '0' clear. */
  readonly windowStart: number;
  readonly windowBits: string;
  /** alloc_pidmap's scan cursor (map entry + offset), when it runs at this level. */
  readonly cursor: number | null;
  /** The bit being tested or set now (test_and_set_bit, clear_bit), when there is one. */
  readonly test: number | null;
}
export const isBitmapView: Guard<BitmapView> = object({
  level: isNonNegativeInteger, pidMax: isNonNegativeInteger, lastPid: isNonNegativeInteger, pages: arrayOf(isPageCell, 128),
  windowStart: isNonNegativeInteger, windowBits: (v): v is string => isString(v) && v.length <= 4096 && /^[01]*$/.test(v),
  cursor: nullable(isNonNegativeInteger), test: nullable(isNonNegativeInteger),
});

/** The struct pid alloc_pid is building (or the error pointer it holds). */
export interface StructPidView {
  readonly address: string;
  readonly state: string;
  /** numbers[level].nr as written so far (null: not written yet). */
  readonly numbers: readonly (number | null)[];
}
const isStructPidView: Guard<StructPidView> = object({ address: isString, state: isString, numbers: arrayOf(nullable(isInteger), 64) });

export interface HeapItem {
  readonly address: string;
  readonly type: string;
  readonly state: string;
  readonly detail: string;
}
const isHeapItem: Guard<HeapItem> = object({ address: isString, type: isString, state: isString, detail: isString });

export interface FaultItem {
  readonly kind: string;
  readonly fork: number;
  readonly detail: string;
  /** The patch line of the statement that commits it, or null when the patch has none. */
  readonly line: number | null;
  /** That line's C text from the patch, or the model location. */
  readonly where: string;
  readonly pointIndex: number;
}
const isFaultItem: Guard<FaultItem> = object({
  kind: isString, fork: isInteger, detail: isString, line: nullable(isNonNegativeInteger), where: isString, pointIndex: isNonNegativeInteger,
});

export interface EventItem {
  readonly index: number;
  readonly text: string;
}
const isEventItem: Guard<EventItem> = object({ index: isNonNegativeInteger, text: isString });

export interface OutcomeSummary {
  readonly forkCount: number;
  /** The first forks as text, e.g. "fork 0: pids [4001, 500]" or "fork 2: ENOMEM". */
  readonly forks: readonly string[];
  readonly faultCount: number;
  readonly faults: readonly string[];
  readonly nextSyscallData: number | null;
  readonly final: readonly string[];
}
const isOutcomeSummary: Guard<OutcomeSummary> = object({
  forkCount: isNonNegativeInteger, forks: arrayOf(isString), faultCount: isNonNegativeInteger, faults: arrayOf(isString),
  nextSyscallData: nullable(isInteger), final: arrayOf(isString),
});

/** The scenario values that tell one run from another, shown in the run's header. */
export interface RunScenarioKeys {
  /** The value the first set_next writes, or null when the scenario sets none. */
  readonly nextSyscallData: number | null;
  readonly depth: number;
  readonly pidMax: number;
  /** Fault injections, e.g. "kmem_cache_alloc #1" (empty: none). */
  readonly failing: readonly string[];
}
const isRunScenarioKeys: Guard<RunScenarioKeys> = object({
  nextSyscallData: nullable(isInteger), depth: isNonNegativeInteger, pidMax: isNonNegativeInteger, failing: arrayOf(isString, 64),
});

export interface RunView {
  readonly variant: 'baseline' | 'patched';
  readonly index: number;
  readonly length: number;
  /** True when the recording was capped: the last point is the final state. */
  readonly truncated: boolean;
  /** Why the last move stopped where it did. */
  readonly stopReason: 'step' | 'breakpoint' | 'start' | 'end';
  readonly fork: number | null;
  readonly nextSyscallData: number | null;
  readonly location: LocationView;
  /** Outermost frame first. */
  readonly stack: readonly FrameItem[];
  readonly bitmaps: readonly BitmapView[];
  readonly structPid: StructPidView | null;
  readonly heap: readonly HeapItem[];
  /** The faults committed so far, each on its line: the first MAX_LISTED_FAULTS of them (src/runtime). */
  readonly faults: readonly FaultItem[];
  /** How many faults were committed so far (more than `faults` lists in a long run). */
  readonly faultCount: number;
  /** The latest changes, newest last. */
  readonly events: readonly EventItem[];
  readonly outcome: OutcomeSummary;
  /** The scenario this run was recorded from (absent from senders that predate it). */
  readonly scenarioKeys?: RunScenarioKeys;
  /**
   * In the sent/edited modes, which text the run executes; its lines are that text's lines
   * (absent in the other modes: the panel's patch document).
   */
  readonly text?: RunText;
}
const runViewShape = {
  variant: literal('baseline', 'patched'), index: isNonNegativeInteger, length: isNonNegativeInteger, truncated: isBoolean,
  stopReason: literal('step', 'breakpoint', 'start', 'end'), fork: nullable(isInteger), nextSyscallData: nullable(isInteger),
  location: isLocationView, stack: arrayOf(isFrameItem, 64), bitmaps: arrayOf(isBitmapView, 32), structPid: nullable(isStructPidView),
  heap: arrayOf(isHeapItem), faults: arrayOf(isFaultItem), faultCount: isNonNegativeInteger, events: arrayOf(isEventItem), outcome: isOutcomeSummary,
  scenarioKeys: optional(isRunScenarioKeys), text: optional(isRunText),
};
export const isRunView: Guard<RunView> = object(runViewShape);

/** Where the two runs side by side part (baseline and patched, or as sent and as edited). */
export interface ComparisonView {
  /** The first step where the paths differ, in words, or null when they never do. */
  readonly pathsPart: string | null;
  readonly pathsPartAt: number | null;
  /** The differences between the outcomes, one per line (empty: same outcome). */
  readonly outcomeDifferences: readonly string[];
}
const isComparisonView: Guard<ComparisonView> = object({
  pathsPart: nullable(isString), pathsPartAt: nullable(isNonNegativeInteger), outcomeDifferences: arrayOf(isString),
});

export interface ScenarioErrorItem {
  /** The field path as the spec writes it, e.g. `namespaces[1].last_pid`. */
  readonly path: string;
  readonly message: string;
}
const isScenarioErrorItem: Guard<ScenarioErrorItem> = object({ path: isString, message: isString });

export interface BreakpointItem {
  readonly line: number;
  readonly text: string;
  readonly enabled: boolean;
}
const isBreakpointItem: Guard<BreakpointItem> = object({ line: isNonNegativeInteger, text: isString, enabled: isBoolean });

export interface DebuggerState {
  readonly scenario: ScenarioJson;
  readonly mode: ViewMode;
  /** The scenario's broken rules (no run then). */
  readonly errors: readonly ScenarioErrorItem[];
  /** The patch document the lines refer to. */
  readonly document: { readonly uri: string; readonly name: string } | null;
  readonly runs: readonly RunView[];
  readonly breakpoints: readonly BreakpointItem[];
  readonly comparison: ComparisonView | null;
  /** A note for the reviewer (e.g. "line 12 is never executed in this scenario"). */
  readonly message: string | null;
  /**
   * The scenario and mode the runs on screen come from, when that is not `scenario` (it broke a
   * rule and the last valid runs stay): what a reload should restore.
   */
  readonly runScenario?: { readonly scenario: ScenarioJson; readonly mode: ViewMode };
  /**
   * The modes the document offers (absent: all): the sent/edited modes only on an edited copy
   * (Try a Change…), so the selector does not offer what would only be refused.
   */
  readonly modes?: readonly ViewMode[];
}
const debuggerStateShape = {
  scenario: isRecord, mode: isViewMode, errors: arrayOf(isScenarioErrorItem),
  document: nullable(object({ uri: isString, name: isString })), runs: arrayOf(isRunView, 2),
  breakpoints: arrayOf(isBreakpointItem), comparison: nullable(isComparisonView), message: nullable(isString),
  runScenario: optional(object({ scenario: isRecord, mode: isViewMode })),
  modes: optional(arrayOf(isViewMode, VIEW_MODES.length)),
};
export const isDebuggerState: Guard<DebuggerState> = object(debuggerStateShape);

// ---------------------------------------------------------------------------------------------
// Messages.

export type ToExtension =
  /**
   * The page is listening. `seq`: the number of the state it already shows (the one the host put
   * in the page's HTML); the host then sends only what changed since, or nothing.
   */
  | { readonly type: 'webview/ready'; readonly seq?: number }
  | { readonly type: 'debugger/step'; readonly command: StepCommand }
  /** Jump to a step of one run (0: the first run shown, 1: the second in side-by-side mode). */
  | { readonly type: 'debugger/goTo'; readonly run: number; readonly index: number }
  | { readonly type: 'debugger/setScenario'; readonly scenario: ScenarioJson; readonly mode: ViewMode }
  | { readonly type: 'debugger/toggleBreakpoint'; readonly line: number }
  /** `text: 'sent'`: a line of the patch as sent (the sent column of the sent/edited modes), not of the document. */
  | { readonly type: 'debugger/revealLine'; readonly line: number; readonly text?: RunText }
  | { readonly type: 'debugger/loadScenario' }
  | { readonly type: 'debugger/saveScenario'; readonly scenario: ScenarioJson };

const toExtensionGuards: Guard<ToExtension>[] = [
  object({ type: literal('webview/ready'), seq: optional(isNonNegativeInteger) }),
  object({ type: literal('debugger/step'), command: isStepCommand }),
  object({ type: literal('debugger/goTo'), run: isNonNegativeInteger, index: isNonNegativeInteger }),
  object({ type: literal('debugger/setScenario'), scenario: isRecord, mode: isViewMode }),
  object({ type: literal('debugger/toggleBreakpoint'), line: isNonNegativeInteger }),
  object({ type: literal('debugger/revealLine'), line: isNonNegativeInteger, text: optional(isRunText) }),
  object({ type: literal('debugger/loadScenario') }),
  object({ type: literal('debugger/saveScenario'), scenario: isRecord }),
];

export function isMessageToExtension(value: unknown): value is ToExtension {
  return toExtensionGuards.some((guard) => guard(value));
}

/** The fields of the panel's state other than its runs: a delta replaces any of them whole. */
export type StateFields = Omit<DebuggerState, 'runs'>;

/**
 * What changed since the message numbered `base`: the top-level fields replaced, and for each run
 * on screen (same count and variants as before) the RunView fields replaced. A step changes a few
 * of them (index, location, stack); the panel redraws only those.
 */
export interface StateDelta {
  readonly fields: Partial<StateFields>;
  readonly runs: readonly RunDelta[];
}

/**
 * A run's replaced fields; its call stack either replaced whole (`stack`) or, when the outer
 * frames stay, as the frames from `stackTail.from` on (a step changes the top frame, a call adds
 * one, a return drops one: the frames below are not sent again).
 */
export interface RunDelta extends Partial<RunView> {
  readonly stackTail?: { readonly from: number; readonly frames: readonly FrameItem[] };
}

export type ToWebview =
  /** The whole state; `seq` numbers it for the deltas that follow (absent: none will). */
  | { readonly type: 'debugger/state'; readonly seq?: number; readonly state: DebuggerState }
  /** Changes to the state numbered `base`; a webview holding another asks again with `webview/ready`. */
  | { readonly type: 'debugger/delta'; readonly seq: number; readonly base: number; readonly delta: StateDelta };

const stateFieldsShape = Object.fromEntries(Object.entries(debuggerStateShape).filter(([key]) => key !== 'runs')) as Omit<typeof debuggerStateShape, 'runs'>;
const runDeltaShape = { ...runViewShape, stackTail: object({ from: isNonNegativeInteger, frames: arrayOf(isFrameItem, 64) }) };
const isStateDelta: Guard<StateDelta> = object({ fields: partialOf(stateFieldsShape), runs: arrayOf(partialOf(runDeltaShape), 2) });

const toWebviewGuards: Guard<ToWebview>[] = [
  object({ type: literal('debugger/state'), seq: optional(isNonNegativeInteger), state: isDebuggerState }),
  object({ type: literal('debugger/delta'), seq: isNonNegativeInteger, base: isNonNegativeInteger, delta: isStateDelta }),
];

export function isMessageToWebview(value: unknown): value is ToWebview {
  return toWebviewGuards.some((guard) => guard(value));
}

// ---------------------------------------------------------------------------------------------
// What the webview keeps with setState and the serializer hands back after a reload.

export interface PersistedState {
  readonly version: 1;
  readonly scenario: ScenarioJson;
  readonly mode: ViewMode;
  /** The step index of each run shown. */
  readonly positions: readonly number[];
  readonly documentUri: string | null;
}

export const isPersistedState: Guard<PersistedState> = object({
  version: (v): v is 1 => v === 1, scenario: isRecord, mode: isViewMode,
  positions: arrayOf(isNonNegativeInteger, 2), documentUri: nullable(isString),
});

/** A short description of a value that failed its guard, for the log (never the whole value). */
export function describeRejected(value: unknown): string {
  if (isRecord(value)) return `object with type ${JSON.stringify(String(value.type ?? '(none)')).slice(0, 80)}`;
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
