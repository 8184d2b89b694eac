// The `kpr` debug adapter: VS Code's own debugger (Call Stack, Variables, gutter breakpoints,
// step back) over one recorded run of the model. Like vscode-mock-debug's adapter it only
// translates: src/runtime is the runtime (moves, the stop rule, locations, fault sites), and
// every request is one of its moves or a read of the recorded point. No `vscode` import: it runs inline in the extension host, over
// stdio (main.ts), or on a socket in the tests.
import { basename } from 'node:path';
import {
  Breakpoint, BreakpointEvent, DebugSession, Handles, InitializedEvent, OutputEvent, Scope, Source, StackFrame, StoppedEvent,
  TerminatedEvent, Thread, Variable,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { formatOutcome } from '../kernel/outcome';
import type { ModelFunction, Variant } from '../kernel/statements';
import { mapPatch, MappingIndex } from '../mapping';
import { parsePatchDocument } from '../patch/parse';
import { DebugRun, MAX_LISTED_FAULTS, type RunMove } from '../runtime';
import { formatFaultCause, formatValue } from '../stepper/format';
import type { FrameView } from '../stepper/point';
import { Session } from '../stepper/session';
import { loadCParser } from '../c';
import { programsFor } from '../interp/programs';
import { isVariant } from '../kernel/statements';
import { breakpointAtLine } from './breakpoint-lines';
import { diskFiles, type AdapterFiles } from './files';
import { describeScenarioError, resolveLaunch, type KprLaunchArguments, type ResolvedLaunch } from './launch-config';
import { faultNodes, faultPlace, heapNodes, localNodes, pidmapNodes, type VariableNode } from './variables';

/** Faults printed per move (the Faults scope lists the runtime's MAX_LISTED_FAULTS). */
const MAX_PRINTED_FAULTS = 100;

/** The only thread: the scenario's forks run one after the other. */
export const THREAD_ID = 1;
export const THREAD_NAME = 'fork() in the model';

/** Error ids of the adapter's failed responses. */
export const ErrorIds = { launch: 3001, notLaunched: 3002, evaluate: 3003, source: 3004 } as const;

/** What a UI following the session (the webview panel) needs on every stop. */
export interface StopNotice {
  readonly scenario: Readonly<Record<string, unknown>>;
  readonly variant: Variant;
  readonly pointIndex: number;
  /** The launch configuration's `patch`, as given. */
  readonly patchPath: string;
}

export interface KprDebugSessionOptions {
  readonly onStop?: (notice: StopNotice) => void;
}

interface LoadedRun {
  readonly launch: ResolvedLaunch;
  readonly run: DebugRun;
  readonly session: Session;
  readonly variant: Variant;
}

interface PatchBreakpoint {
  readonly id: number;
  /** 0-based document line. */
  readonly line: number;
  /** False when the line never runs in the session's variant. */
  readonly verified: boolean;
}

/** Model functions in a fixed order: a function's text view is always the same sourceReference. */
function sourceReferenceOf(fn: ModelFunction): number {
  return MODEL_SOURCES.indexOf(fn) + 1;
}
const MODEL_SOURCES: readonly ModelFunction[] = [
  'scenario', 'copy_process', 'alloc_pid', 'set_predefined_pid', 'alloc_fixed_pidmap', 'alloc_pidmap', 'alloc_pidmap_page',
  'free_pidmap', 'free_pid', 'next_pidmap',
];

export class KprDebugSession extends DebugSession {
  private run: LoadedRun | undefined;
  private breakpoints: readonly PatchBreakpoint[] = [];
  private nextBreakpointId = 1;
  /** Variable trees of the current stop; references die with it. */
  private readonly variables = new Handles<readonly VariableNode[]>();

  constructor(
    private readonly files: AdapterFiles = diskFiles,
    private readonly options: KprDebugSessionOptions = {},
  ) {
    super();
    // The stepper, the mapping and the model views count lines from 0; the base class converts.
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      ...response.body,
      supportsConfigurationDoneRequest: true,
      supportsStepBack: true,
      supportsRestartRequest: true,
      supportsEvaluateForHovers: true,
      supportsTerminateRequest: false,
    };
    this.sendResponse(response);
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: DebugProtocol.LaunchRequestArguments): Promise<void> {
    const loaded = await this.load(args as KprLaunchArguments);
    if (!loaded.ok) {
      this.fail(response, ErrorIds.launch, loaded.message, true);
      return;
    }
    this.run = loaded.run;
    this.sendResponse(response);
    this.announce(loaded.run);
    // Breakpoints come after this event, once the patch's mapping is known.
    this.sendEvent(new InitializedEvent());
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.begin();
  }

  protected override async restartRequest(response: DebugProtocol.RestartResponse, args: DebugProtocol.RestartArguments | undefined): Promise<void> {
    // load() never rejects, and nothing after it throws: an async handler's rejection would leave
    // the client waiting for a response forever.
    if (args?.arguments !== undefined) {
      const loaded = await this.load(args.arguments as KprLaunchArguments);
      if (!loaded.ok) {
        this.fail(response, ErrorIds.launch, loaded.message, true);
        return;
      }
      const previous = this.run;
      this.run = loaded.run;
      this.announce(loaded.run);
      this.rebind(previous, loaded.run);
    }
    const run = this.run;
    if (run === undefined) {
      this.fail(response, ErrorIds.notLaunched, 'no run to restart: the launch did not succeed');
      return;
    }
    run.session.restart();
    this.sendResponse(response);
    this.begin();
  }

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    const requested = args.breakpoints?.map((b) => b.line) ?? args.lines ?? [];
    const run = this.run;
    const path = args.source.path === undefined ? undefined : this.convertClientPathToDebugger(args.source.path);
    const ours = run !== undefined && path !== undefined && samePath(path, run.launch.patchPath);
    const bound = requested.map((clientLine) => {
      const id = this.nextBreakpointId++;
      const line = this.convertClientLineToDebugger(clientLine);
      if (ours) return this.bind(run, id, line);
      const message = run === undefined ? 'the session has no patch loaded' : `not the patch this session debugs (${run.launch.patchPath})`;
      return { breakpoint: { id, line, verified: false }, protocol: { id, verified: false, line: clientLine, message } };
    });
    // One source only (the patch): its breakpoints replace the previous ones.
    if (ours) this.setBreakpoints(run, bound.map((b) => b.breakpoint));
    response.body = { breakpoints: bound.map((b) => b.protocol) };
    this.sendResponse(response);
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, THREAD_NAME)] };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    const run = this.run;
    if (run === undefined) {
      response.body = { stackFrames: [], totalFrames: 0 };
      this.sendResponse(response);
      return;
    }
    const stack = run.session.current().stack;
    const frames: StackFrame[] = [];
    for (let i = stack.length - 1; i >= 0; i--) frames.push(this.stackFrame(run, stack[i], i));
    const start = Math.max(0, args.startFrame ?? 0);
    const levels = args.levels !== undefined && args.levels > 0 ? args.levels : frames.length;
    response.body = { stackFrames: frames.slice(start, start + levels), totalFrames: frames.length };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    const run = this.run;
    const point = run?.session.current();
    const frame = point?.stack[args.frameId - 1];
    if (run === undefined || point === undefined || frame === undefined) {
      response.body = { scopes: [] };
      this.sendResponse(response);
      return;
    }
    const shown = Math.min(point.faultCount, MAX_LISTED_FAULTS);
    const faults = faultNodes(run.run.faultSitesIn(0, shown), run.run.locator);
    if (point.faultCount > shown) faults.push({ name: '…', value: `${point.faultCount - shown} more faults (the Debug Console printed them as they happened)` });
    const locals: DebugProtocol.Scope = new Scope('Locals', this.variables.create(localNodes(frame)), false);
    locals.presentationHint = 'locals';
    response.body = {
      scopes: [
        locals,
        new Scope('Pid maps', this.variables.create(pidmapNodes(point)), false),
        new Scope('Heap', this.variables.create(heapNodes(point)), false),
        new Scope(`Faults (${point.faultCount})`, this.variables.create(faults), false),
      ],
    };
    this.sendResponse(response);
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    const nodes = this.variables.get(args.variablesReference, []);
    response.body = {
      variables: nodes.map((node) => {
        const variable: DebugProtocol.Variable = new Variable(node.name, node.value, node.children?.length ? this.variables.create(node.children) : 0);
        if (node.type !== undefined) variable.type = node.type;
        return variable;
      }),
    };
    this.sendResponse(response);
  }

  protected override sourceRequest(response: DebugProtocol.SourceResponse, args: DebugProtocol.SourceArguments): void {
    const fn = MODEL_SOURCES[(args.source?.sourceReference ?? args.sourceReference) - 1];
    if (this.run === undefined || fn === undefined) {
      this.fail(response, ErrorIds.source, 'no such model source');
      return;
    }
    response.body = { content: this.run.run.locator.modelView(fn).text, mimeType: 'text/plain' };
    this.sendResponse(response);
  }

  /** Hovers and watches: a local of the selected frame, by name. */
  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    const point = this.run?.session.current();
    const frame = point?.stack[(args.frameId ?? point.stack.length) - 1];
    const local = frame?.locals.find((l) => l.name === args.expression.trim());
    if (local === undefined) {
      this.fail(response, ErrorIds.evaluate, `${args.expression.trim()} is not a local of this frame`);
      return;
    }
    response.body = { result: formatValue(local.value), type: local.type, variablesReference: 0 };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    response.body = { allThreadsContinued: true };
    this.move(response, 'continue', 'run');
  }

  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
    this.move(response, 'reverseContinue', 'run');
  }

  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.move(response, 'stepOver', 'step');
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
    this.move(response, 'stepIn', 'step');
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.move(response, 'stepOut', 'step');
  }

  /** The reverse of next: the previous point in this frame or its callers. */
  protected override stepBackRequest(response: DebugProtocol.StepBackResponse): void {
    this.move(response, 'stepBackOver', 'step');
  }

  /** Nothing runs between requests: a pause has nothing to interrupt. */
  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.sendResponse(response);
  }

  private async load(args: KprLaunchArguments): Promise<{ ok: true; run: LoadedRun } | { ok: false; message: string }> {
    try {
      const resolved = await resolveLaunch(args ?? {}, this.files);
      if (!resolved.ok) return { ok: false, message: `kpr: invalid launch configuration: ${resolved.message}` };
      const launch = resolved.launch;
      const patch = parsePatchDocument(launch.patchText);
      const mapping = mapPatch(patch);
      // The scenario runs on the patch's text as written (src/interp/programs.ts).
      const requested = (launch.scenario as { variant?: unknown }).variant;
      const program = isVariant(requested) ? programsFor(patch, await loadCParser(), mapping)[requested] : undefined;
      if (program?.kind === 'refused') {
        const problems = program.problems.map((p) => `line ${p.line + 1}, column ${p.column + 1}: ${p.message}`).join('; ');
        return { ok: false, message: `kpr: the ${String(requested)} text of the patch cannot run as written: ${problems}` };
      }
      const created = Session.create(launch.scenario, program === undefined ? {} : { code: program.code });
      if (!created.ok) {
        const first = created.errors[0];
        return { ok: false, message: `kpr: invalid scenario: ${describeScenarioError(first.path, first.message, launch.fieldNames)}` };
      }
      const session = created.session;
      const variant = session.scenario.variant;
      const index = new MappingIndex(mapping);
      return { ok: true, run: { launch, run: new DebugRun(session, index), session, variant } };
    } catch (error) {
      return { ok: false, message: `kpr: the launch failed: ${(error as Error).message}` };
    }
  }

  private announce(run: LoadedRun): void {
    const modelled = run.run.locator.index.mapping.files.filter((f) => f.modelled).length;
    const lines = [`kpr: recorded ${run.session.length} steps of the ${run.variant} variant${run.session.truncated ? ' (recording capped: the last point is the final state)' : ''}.`];
    if (modelled === 0) lines.push('kpr: the patch has no kernel/pid.c or kernel/fork.c hunk the model implements: breakpoints cannot bind and frames show the model\'s view.');
    this.sendEvent(new OutputEvent(lines.join('\n') + '\n', 'console'));
  }

  /** After configuration (or a restart): stop at the first step, or run to the first breakpoint. */
  private begin(): void {
    const run = this.run;
    if (run === undefined) return;
    if (run.launch.stopOnEntry) {
      run.session.restart();
      this.stopped(run, 'entry', 'start of the run');
      return;
    }
    this.move(undefined, 'continue', 'run');
  }

  /** The patch's breakpoints; the verified lines go to the runtime, whose stop rule every move obeys. */
  private setBreakpoints(run: LoadedRun, breakpoints: readonly PatchBreakpoint[]): void {
    this.breakpoints = breakpoints;
    run.run.setBreakpointLines(breakpoints.filter((b) => b.verified).map((b) => b.line));
  }

  /** What a breakpoint on a patch line means in a run, and how the client is told. */
  private bind(run: LoadedRun, id: number, line: number): { breakpoint: PatchBreakpoint; protocol: DebugProtocol.Breakpoint } {
    const meaning = breakpointAtLine(run.run.locator.index, run.variant, line);
    const protocol: DebugProtocol.Breakpoint = new Breakpoint(meaning.verified, this.convertDebuggerLineToClient(line));
    protocol.id = id;
    if (!meaning.verified) protocol.message = meaning.message;
    return { breakpoint: { id, line, verified: meaning.verified }, protocol };
  }

  /** A restart with another configuration: the same lines, bound in the new run, and the client told. */
  private rebind(previous: LoadedRun | undefined, run: LoadedRun): void {
    if (previous === undefined || !samePath(previous.launch.patchPath, run.launch.patchPath)) {
      this.breakpoints = [];
      return;
    }
    const bound = this.breakpoints.map((b) => this.bind(run, b.id, b.line));
    this.setBreakpoints(run, bound.map((b) => b.breakpoint));
    for (const b of bound) this.sendEvent(new BreakpointEvent('changed', b.protocol as Breakpoint));
  }

  private move(response: DebugProtocol.Response | undefined, how: RunMove, kind: 'step' | 'run'): void {
    const run = this.run;
    if (run === undefined) {
      if (response) this.fail(response, ErrorIds.notLaunched, 'the session has no run: the launch did not succeed');
      return;
    }
    const before = run.session.index;
    const last = run.session.length - 1;
    const stop = run.run.move(how);
    if (response) this.sendResponse(response);
    this.reportFaults(run, before, stop.index);
    if ((kind === 'run' && stop.reason === 'end') || (kind === 'step' && before === last && stop.index === last)) {
      this.sendEvent(new OutputEvent(`kpr: the run ended.\n${formatOutcome(run.session.outcome)}`, 'console'));
      this.sendEvent(new TerminatedEvent());
      return;
    }
    const hit = this.breakpoints.filter((b) => b.verified && stop.hitLines.includes(b.line)).map((b) => b.id);
    if (stop.reason === 'breakpoint') this.stopped(run, 'breakpoint', undefined, hit);
    else if (stop.reason === 'start') this.stopped(run, 'entry', 'start of the run');
    else this.stopped(run, 'step', stop.reason === 'end' ? 'end of the run' : undefined);
  }

  private stopped(run: LoadedRun, reason: string, description?: string, hitBreakpointIds?: number[]): void {
    this.variables.reset();
    const event: DebugProtocol.StoppedEvent = new StoppedEvent(reason, THREAD_ID);
    event.body.allThreadsStopped = true;
    if (description !== undefined) event.body.description = description;
    if (hitBreakpointIds !== undefined) event.body.hitBreakpointIds = hitBreakpointIds;
    this.sendEvent(event);
    const { onStop } = this.options;
    if (onStop) {
      try {
        onStop({ scenario: run.launch.scenario, variant: run.variant, pointIndex: run.session.index, patchPath: run.launch.patchPath });
      } catch {
        // A listener's failure must not stop the debugger.
      }
    }
  }

  /** One output line per fault committed on the way forward from `from` to `to` (capped per move). */
  private reportFaults(run: LoadedRun, from: number, to: number): void {
    if (to <= from) return;
    const known = run.session.faultCount(from);
    const now = run.session.faultCount(to);
    if (now <= known) return;
    const printed = Math.min(now, known + MAX_PRINTED_FAULTS);
    for (const site of run.run.faultSitesIn(known, printed)) {
      const output: DebugProtocol.OutputEvent = new OutputEvent(
        `kpr: fault ${site.fault.kind} (fork ${site.fault.fork}) at ${faultPlace(site, run.run.locator)} — ${formatFaultCause(site.fault.cause)}\n`,
        'stderr',
      );
      const at = run.run.locate(site.site);
      if (at.kind === 'patch') {
        output.body.source = this.patchSource(run);
        output.body.line = this.convertDebuggerLineToClient(at.line);
      }
      this.sendEvent(output);
    }
    if (now > printed) this.sendEvent(new OutputEvent(`kpr: … and ${now - printed} more faults on the way.\n`, 'stderr'));
  }

  private stackFrame(run: LoadedRun, frame: FrameView, depth: number): StackFrame {
    const name = frame.fn === 'scenario' ? 'scenario (the forks and exits it runs)' : `${frame.fn}()`;
    const at = run.run.locate(frame);
    if (at.kind === 'patch') return new StackFrame(depth + 1, name, this.patchSource(run), this.convertDebuggerLineToClient(at.line));
    const fn = at.fn;
    const source: DebugProtocol.Source = new Source(`${fn} (model, ${run.variant})`, undefined, sourceReferenceOf(fn), 'kpr model');
    source.presentationHint = 'deemphasize';
    const stackFrame: DebugProtocol.StackFrame = new StackFrame(depth + 1, name, source as Source, this.convertDebuggerLineToClient(at.line));
    stackFrame.presentationHint = 'subtle';
    return stackFrame as StackFrame;
  }

  private patchSource(run: LoadedRun): Source {
    return new Source(basename(run.launch.patchPath), this.convertDebuggerPathToClient(run.launch.patchPath));
  }

  private fail(response: DebugProtocol.Response, id: number, message: string, showUser = false): void {
    // Through a placeholder, so braces in the message are never read as placeholders; its name
    // starts with `_` because the library drops other variables from response.message (PII).
    this.sendErrorResponse(response, { id, format: '{_message}', variables: { _message: message }, showUser });
  }
}

/** The breakpoint request's path names the launch's patch (same file, maybe spelt differently). */
export function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  const normal = (p: string): string => p.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/^([a-z]):/i, (_, d: string) => `${d.toLowerCase()}:`);
  return normal(a) === normal(b);
}
