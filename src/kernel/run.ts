// Runs a scenario's ops against the model: the calling task writes next_syscall_data, forks
// (copy_process) and reaps children (free_pid). The same code serves fast mode (no tracer) and
// the recording stepper (a tracer on the kernel).
import { testBit } from './bitmap';
import { BITS_PER_PAGE, BITS_PER_PAGE_MASK } from './constants';
import { finalState } from './final-state';
import { copyProcess } from './fork';
import type { Kernel } from './kernel';
import { ForkLog, type Outcome } from './outcome';
import { freePid } from './pid';
import { NULL } from './pointers';
import type { Scenario, ScenarioError } from './scenario';
import { createKernel } from './setup';
import { checkScenarioShape } from './validate';

/**
 * The two entry points the scenario driver calls: the model's own, or an interpreter's that runs
 * the C text of a patch (src/interp) over the same kernel state.
 */
export interface KernelCode {
  /** copy_process: the child's struct pid id (> 0) on success, or -errno. */
  copyProcess(k: Kernel): number;
  /** free_pid(pid): a child is reaped. */
  freePid(k: Kernel, pid: number): void;
}

export const MODEL_CODE: KernelCode = { copyProcess, freePid };

export type RunResult = { ok: true; outcome: Outcome } | { ok: false; errors: ScenarioError[] };

/** The ops' state the scenario frame shows: which op and which fork. */
function scenarioLocals(op: number | null, fork: number | null): { op: number | null; fork: number | null } {
  return { op, fork };
}

/** Runs the ops on a kernel made by createKernel(scenario). */
export function runOps(k: Kernel, scenario: Scenario, code: KernelCode = MODEL_CODE): RunResult {
  const depth = scenario.depth;
  const totalForks = scenario.ops.reduce((sum, op) => sum + (op.op === 'fork' ? op.repeat : 0), 0);
  const forks = new ForkLog(depth + 1, totalForks);
  // The struct pid of the live child whose number at level `depth` is the index (0: none); only
  // exits read it, so a scenario without exits does not pay for it.
  const childByNr = scenario.ops.some((op) => op.op === 'exit') ? new Int32Array(scenario.pidMax) : null;
  if (k.tr !== null) k.tr.call('scenario', scenarioLocals(null, null));

  for (let opIndex = 0; opIndex < scenario.ops.length; opIndex++) {
    const op = scenario.ops[opIndex];
    if (op.op === 'set_next') {
      if (k.tr !== null) k.tr.step('scenario/set_next', scenarioLocals(opIndex, null));
      k.setNextData(op.value);
    } else if (op.op === 'fork') {
      for (let r = 0; r < op.repeat; r++) {
        const fork = forks.add();
        if (k.tr !== null) k.tr.step('scenario/fork', scenarioLocals(opIndex, fork));
        runFork(k, fork, forks, childByNr, code);
        if (k.tr !== null) k.tr.step('scenario/fork-done', scenarioLocals(opIndex, fork));
      }
    } else {
      const nr = op.pid;
      const child = childByNr !== null && nr >= 0 && nr < scenario.pidMax ? childByNr[nr] : 0;
      if (child === 0) {
        return {
          ok: false,
          errors: [{ path: `ops[${opIndex}].pid`, message: `must be the pid (at level ${depth}) of a live child when the op is reached, got ${nr}` }],
        };
      }
      if (k.tr !== null) k.tr.step('scenario/exit', scenarioLocals(opIndex, null));
      code.freePid(k, child);
      (childByNr as Int32Array)[nr] = 0;
      if (k.tr !== null) k.tr.change({ kind: 'child-exited', nr });
    }
  }
  if (k.tr !== null) k.tr.step('scenario/end', scenarioLocals(null, null));
  return { ok: true, outcome: { forks, faults: k.faults, nextSyscallData: k.nextSyscallData, final: finalState(k) } };
}

/** One fork: copy_process, then what the fork leaves behind (leak before pidmap-leak). */
function runFork(k: Kernel, fork: number, forks: ForkLog, childByNr: Int32Array | null, code: KernelCode): void {
  k.forkIndex = fork;
  k.forkPid = NULL;
  k.forkSetCount = 0;
  const result = code.copyProcess(k);
  const depth = k.depth;
  if (result > 0) {
    for (let level = 0; level <= depth; level++) forks.setNumber(fork, level, k.heap.pidNumber(result, level));
    if (childByNr !== null) childByNr[k.heap.pidNumber(result, depth)] = result;
  } else {
    forks.setErrno(fork, -result);
    if (k.forkPid !== NULL && k.heap.isLive(k.forkPid)) {
      k.fault('leak', { kind: 'pid-leaked' });
    }
    for (let s = 0; s < k.forkSetCount; s++) {
      const nr = k.forkSetNrs[s];
      const page = k.namespaces[k.forkSetLevels[s]].pages[(nr / BITS_PER_PAGE) | 0];
      if (page !== null && testBit(page, nr & BITS_PER_PAGE_MASK)) {
        k.fault('pidmap-leak', { kind: 'number-left-set' });
        break;
      }
    }
  }
  if (k.tr !== null) {
    const r = forks.at(fork);
    k.tr.change({ kind: 'fork-result', fork, pids: 'pids' in r ? r.pids : null, errno: 'errno' in r ? r.errno : null });
  }
  k.forkIndex = -1;
}

/** Fast mode: runs a valid scenario with no recording. */
export function simulate(scenario: Scenario): RunResult {
  return runOps(createKernel(scenario), scenario);
}

/**
 * Every rule of the spec, for the CLI and the webview: the static rules, then (only when the
 * scenario has an exit op) a fast run to check that each exit names a live child.
 */
export function validateScenario(json: unknown): { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] } {
  const shape = checkScenarioShape(json);
  if (!shape.ok) return shape;
  if (shape.scenario.ops.some((op) => op.op === 'exit')) {
    const run = simulate(shape.scenario);
    if (!run.ok) return run;
  }
  return shape;
}
