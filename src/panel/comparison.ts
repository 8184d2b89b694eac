// Two runs of one scenario side by side (baseline against patched, or one variant as sent against
// as edited): the first step where their paths part, and how
// their outcomes differ. No `vscode` import (unit-tested in Node).
import type { Outcome } from '../kernel/outcome';
import type { DebugRun } from '../runtime';
import type { ComparisonView, LocationView } from '../shared/debugger-protocol';
import { locationOf } from './view-model';

const MAX_DIFFERENCES = 20;

function describe(location: LocationView): string {
  return location.kind === 'patch' ? `line ${location.line + 1} “${location.text.trim()}”` : `the model's ${location.tsSymbol} (${location.stepId})`;
}

function forkText(outcome: Outcome, fork: number): string {
  if (fork >= outcome.forks.length) return 'no such fork';
  const result = outcome.forks.at(fork);
  return 'pids' in result ? `pids [${result.pids.join(', ')}]` : result.errno;
}

function faultCounts(outcome: Outcome): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < outcome.faults.length; i++) {
    const kind = outcome.faults.at(i).kind;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts.size === 0 ? 'none' : [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

/** `names`: how the comparison calls the left and the right run. */
export function compareRuns(leftRun: DebugRun, rightRun: DebugRun, names: readonly [string, string] = ['baseline', 'patched']): ComparisonView {
  const [left, right] = names;
  const baseline = leftRun.session;
  const patched = rightRun.session;
  let partAt: number | null = null;
  const common = Math.min(baseline.length, patched.length);
  for (let i = 0; i < common; i++) {
    if (baseline.summary(i).stepId !== patched.summary(i).stepId) {
      partAt = i;
      break;
    }
  }
  if (partAt === null && baseline.length !== patched.length) partAt = common;
  let pathsPart: string | null = null;
  if (partAt !== null) {
    const side = (run: DebugRun, name: string): string => {
      if (partAt! >= run.session.length) return `${name} has ended`;
      const frames = run.session.frames(partAt!);
      return `${name} runs ${describe(locationOf(run.locator, frames[frames.length - 1]))}`;
    };
    pathsPart = `The paths part at step ${partAt} — ${side(leftRun, left)}, ${side(rightRun, right)}`;
  }

  const differences: string[] = [];
  const a = baseline.outcome;
  const b = patched.outcome;
  for (let fork = 0; fork < Math.max(a.forks.length, b.forks.length) && differences.length < MAX_DIFFERENCES; fork++) {
    const leftFork = forkText(a, fork);
    const rightFork = forkText(b, fork);
    if (leftFork !== rightFork) differences.push(`fork ${fork}: ${left} ${leftFork}, ${right} ${rightFork}`);
  }
  const faultsA = faultCounts(a);
  const faultsB = faultCounts(b);
  if (faultsA !== faultsB) differences.push(`faults: ${left} ${faultsA}, ${right} ${faultsB}`);
  if (a.nextSyscallData !== b.nextSyscallData) {
    differences.push(`next_syscall_data at the end: ${left} ${a.nextSyscallData ?? 'unset'}, ${right} ${b.nextSyscallData ?? 'unset'}`);
  }
  return { pathsPart, pathsPartAt: partAt, outcomeDifferences: differences };
}
