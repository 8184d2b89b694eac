// Turns the faults of every explored run into findings: one per (kind, committing line,
// variant), with the smallest scenario that shows it and, for each error path that reaches it,
// that path's own smallest scenario. An error path is how the failed fork failed: its errno,
// the statement where the failure began and the calls that led there, whether it began at the
// forking level or a parent, and whether next_syscall_data was set. Paths hang off one finding
// rather than making findings of their own: they share the line that commits the fault, and a
// reviewer fixes that line once.
import type { FaultCause, FaultKind } from '../kernel/faults';
import { faultArgument, formatFaultCause } from '../stepper/format';
import { functionOfStep, type Variant } from '../kernel/statements';
import type { FailureOrigin } from './coverage-tracer';
import { PatchLines } from './patch-lines';
import type { Observation } from './run-scenario';
import { smallerScenario, type ScenarioJson } from './scenario-json';

export interface ErrorPath {
  /** The errno the fork returned, or null for a fault outside a failed fork. */
  readonly errno: string | null;
  /** The step where the failure began (see FailureOrigin), shown in the patch when possible. */
  readonly originStepId: string | null;
  /** Its 0-based document line, or -1. */
  readonly originLine: number;
  /** Where the failing allocation ran: 'forking level', 'parent level' or null when unknown. */
  readonly level: 'forking level' | 'parent level' | null;
  /** Whether next_syscall_data was set when the fork began (a predefined pid was asked for). */
  readonly predefined: boolean;
  /** The calls that led there, outermost first: `alloc_pid`, `set_predefined_pid`, … */
  readonly via: readonly string[];
  /** e.g. `EINVAL from "return -EINVAL;" in alloc_fixed_pidmap() ← set_predefined_pid() ← alloc_pid() at the forking level`. */
  readonly label: string;
  readonly scenario: ScenarioJson;
}

export interface Finding {
  readonly kind: FaultKind;
  /** 0-based document line of the patch line that commits it; -1 when the patch does not show it. */
  readonly line: number;
  readonly variant: Variant;
  readonly stepId: string;
  /** The smallest scenario that shows it, spec format. */
  readonly scenario: ScenarioJson;
  /** One sentence for a reviewer. */
  readonly message: string;
  /** How many explored scenarios show it. */
  readonly occurrences: number;
  /** The sanitizer's words for the smallest scenario's fault, e.g. `kmem_cache_free(ERR_PTR(-22))`. */
  readonly detail: string;
  /** Every error path that leads to it, each with its smallest scenario (failed-fork faults). */
  readonly paths: readonly ErrorPath[];
  /** When the patch shows no line of it (line -1): where it happens, and where to show it. */
  readonly outside?: OutsideThePatch;
}

/** A finding committed in code the patch does not show. */
export interface OutsideThePatch {
  /** The functions on the stack, innermost first: `free_pidmap() ← free_pid()`. */
  readonly calls: string;
  /** The 0-based document line of the patch's header of the file that holds that code, or -1. */
  readonly anchorLine: number;
}

/** The document line a finding is shown on: its own, else its file's header in the patch, else -1. */
export function shownLine(finding: Finding): number {
  return finding.line >= 0 ? finding.line : finding.outside?.anchorLine ?? -1;
}

interface Pending {
  readonly kind: FaultKind;
  readonly variant: Variant;
  readonly stepId: string;
  /** The document line of the interpreted statement that commits it (FaultAt.line). */
  readonly line?: number;
  readonly unshownStack?: readonly string[];
  scenario: ScenarioJson;
  cause: FaultCause;
  occurrences: number;
  readonly paths: Map<string, ErrorPath>;
}

export class FindingCollector {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly lines: PatchLines) {}

  add(observation: Observation): void {
    const variant = observation.scenario.variant;
    const seen = new Set<string>();
    const paths = new Map<number, ErrorPath | undefined>();
    for (const fault of observation.faults) {
      const key = `${fault.kind}|${fault.stepId}|${fault.line ?? ''}|${variant}`;
      let entry = this.pending.get(key);
      if (entry === undefined) {
        entry = {
          kind: fault.kind, variant, stepId: fault.stepId, ...(fault.line === undefined ? {} : { line: fault.line }),
          ...(fault.unshownStack === undefined ? {} : { unshownStack: fault.unshownStack }),
          scenario: observation.json, cause: fault.cause, occurrences: 0, paths: new Map(),
        };
        this.pending.set(key, entry);
      } else if (smallerScenario(observation.json, entry.scenario)) {
        entry.scenario = observation.json;
        entry.cause = fault.cause;
      }
      if (!seen.has(key)) entry.occurrences++;
      seen.add(key);
      if (!paths.has(fault.fork)) paths.set(fault.fork, this.errorPath(observation, fault.fork));
      const path = paths.get(fault.fork);
      if (path === undefined) continue;
      const pathKey = `${path.errno}|${path.via.join('>')}|${path.originStepId}|${path.originLine}|${path.level}|${path.predefined}`;
      const known = entry.paths.get(pathKey);
      if (known === undefined || smallerScenario(path.scenario, known.scenario)) entry.paths.set(pathKey, path);
    }
  }

  private errorPath(observation: Observation, fork: number): ErrorPath | undefined {
    if (fork < 0 || fork >= observation.outcome.forks.length) return undefined;
    const result = observation.outcome.forks.at(fork);
    if (!('errno' in result)) return undefined;
    const variant = observation.scenario.variant;
    const origin: FailureOrigin | undefined = observation.origins[fork];
    const originStepId = origin === undefined ? null : this.lines.shownStep(variant, origin.chain) ?? null;
    const originLine = originStepId === null ? -1 : origin?.line ?? this.lines.lineOf(variant, originStepId);
    const level = origin?.level === null || origin === undefined ? null : origin.level === observation.scenario.depth ? 'forking level' : 'parent level';
    // The functions the failure passed through, innermost (the origin's own) left out.
    const fns = (origin?.chain ?? []).map(functionOfStep);
    const via = fns.slice(0, -1).filter((fn, i, all) => all.indexOf(fn) === i && fn !== 'copy_process');
    const callers = via.slice().reverse().map((fn) => ` ← ${fn}()`).join('');
    const where = originStepId === null ? '' : ` from "${this.lines.textOf(originLine) || originStepId}" in ${PatchLines.placeOf(originStepId)}${callers}`;
    const predefined = (observation.nextAtFork[fork] ?? null) !== null;
    const label = `${result.errno}${where}${level === null ? '' : ` at the ${level}`}${predefined ? ', next_syscall_data set' : ''}`;
    return { errno: result.errno, originStepId, originLine, level, predefined, via, label, scenario: observation.json };
  }

  findings(): Finding[] {
    const out: Finding[] = [];
    for (const p of this.pending.values()) {
      const line = p.line ?? this.lines.lineOf(p.variant, p.stepId);
      const paths = [...p.paths.values()].sort(comparePaths);
      const outside = line >= 0 || p.unshownStack === undefined ? undefined
        : { calls: p.unshownStack.map((fn) => `${fn}()`).join(' ← '), anchorLine: this.lines.fileHeaderLineOf(p.unshownStack[0]) };
      out.push({
        kind: p.kind, line, variant: p.variant, stepId: p.stepId, scenario: p.scenario, occurrences: p.occurrences, detail: formatFaultCause(p.cause), paths,
        message: findingMessage(p, this.lines.textOf(line), paths),
        ...(outside === undefined ? {} : { outside }),
      });
    }
    return out.sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind) || a.variant.localeCompare(b.variant));
  }
}

function comparePaths(a: ErrorPath, b: ErrorPath): number {
  return (a.errno ?? '').localeCompare(b.errno ?? '') || a.originLine - b.originLine || a.via.join().localeCompare(b.via.join())
    || (a.level ?? '').localeCompare(b.level ?? '') || Number(a.predefined) - Number(b.predefined);
}

/** The called function and its argument in words, for a fault committed by a call. */
function callOf(cause: FaultCause): { fn: string; argument: string } | undefined {
  if (cause.kind === 'bad-free') {
    return { fn: cause.call, argument: cause.ptr.kind === 'err-ptr' ? `the error pointer ERR_PTR(${cause.ptr.error})` : faultArgument(cause) ?? '' };
  }
  if (cause.kind === 'upid-read') {
    return { fn: cause.call, argument: cause.pid.kind === 'err-ptr' ? `the error pointer ERR_PTR(${cause.pid.error})` : faultArgument(cause) ?? '' };
  }
  return undefined;
}

function findingMessage(p: Pending, text: string, paths: readonly ErrorPath[]): string {
  const place = PatchLines.placeOf(p.stepId);
  const call = callOf(p.cause);
  const detail = formatFaultCause(p.cause);
  let what: string;
  switch (p.kind) {
    case 'invalid-free':
      what = call ? `${place} passes ${call.argument} to ${call.fn}(), which is not a live object` : `${place} frees an object that is not live (${detail})`;
      break;
    case 'err-ptr-deref':
      // The sanitizer files every bad dereference under this kind; say what the pointer was.
      what = call ? `${place} calls ${call.fn}() through ${call.argument}, which dereferences it (${detail})` : `${place} dereferences ${faultArgument(p.cause) ?? `a pointer that is no live object (${detail})`}`;
      break;
    case 'leak':
      what = `the struct pid the failed fork allocated is neither attached to a child nor freed: it leaks (the free at ${place} does not release it)`;
      break;
    case 'pidmap-leak':
      what = `a pid number the failed fork set stays allocated with no process (the free_pidmap at ${place} does not release it)`;
      break;
  }
  const errnos = [...new Set(paths.map((path) => path.errno).filter((e): e is string => e !== null))];
  const onPaths = paths.length === 0 ? '' : ` — on ${paths.length} error path${paths.length === 1 ? '' : 's'} (${errnos.join(', ')})`;
  const variant = p.variant === 'patched' ? 'after the patch' : 'before the patch';
  return `${what}${onPaths}, ${variant}${text ? `: \`${text}\`` : ''}.`;
}
