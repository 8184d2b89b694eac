// What the Problems panel says about repairs: one entry per mail and kind of repair (the
// sample's 89 repaired fragments are 8 entries, a quoted reply's prefixes one), each listing the
// fragments it stands for. The per-line detail stays in the editor (decoration and hover).
import type { DocRange, Patch, Repair, RepairKind } from '../patch/model';
import { expandRuns, firstRepairs, partOfRun, placeInMails, repairRuns, runStartLine, runsCount, type RepairRun } from '../patch/repair-runs';

export interface RepairGroup {
  /** The index of the mail the repairs are in, or -1 for text outside every mail. */
  readonly mail: number;
  readonly kind: RepairKind;
  /** How many repairs the group stands for. */
  readonly count: number;
  /** The group's repairs in document order, made when read: a hostile group has millions. */
  readonly repairs: readonly Repair[];
  /** The first `limit` of `repairs`, without making the rest. */
  firstRepairs(limit: number): Repair[];
  /** Where the Problems entry points: the first repair. */
  readonly range: DocRange;
  /** One line: the kind, how many lines, where, and the first repair's reason. */
  readonly message: string;
}

/**
 * Groups are ordered by their first repair's position. Read from the patch's repair runs, so a
 * run of a million alike repairs costs what one does.
 */
export function summariseRepairs(patch: Patch): RepairGroup[] {
  const groups = new Map<string, { mail: number; kind: RepairKind; runs: RepairRun[] }>();
  // In document order, each run with its mail (-1 outside every mail): groups come in the order of their first repair.
  placeInMails(repairRuns(patch), patch.mails, partOfRun, (mail, run) => {
    const kind = run.first.kind;
    const key = `${mail}\u0000${kind}`;
    const group = groups.get(key) ?? { mail, kind, runs: [] };
    group.runs.push(run);
    groups.set(key, group);
  });
  return [...groups.values()].map((g) => {
    let repairs: readonly Repair[] | undefined;
    return {
      mail: g.mail,
      kind: g.kind,
      count: runsCount(g.runs),
      get repairs() {
        return (repairs ??= expandRuns(g.runs));
      },
      firstRepairs: (limit: number) => firstRepairs(g.runs, limit),
      range: g.runs[0].first.range,
      message: groupMessage(patch, g.mail, g.kind, g.runs),
    };
  });
}

/** One repaired fragment, for a group's list: what it was, what it became, why. */
export function describeRepair(repair: Repair): string {
  return `${visible(repair.before)} → ${visible(repair.after)} — ${repair.reason}`;
}

function groupMessage(patch: Patch, mail: number, kind: RepairKind, runs: readonly RepairRun[]): string {
  const lines = distinctLines(runs);
  const where = mail < 0 ? 'outside the mails' : patch.mails.length > 1 ? `in mail ${mail + 1} (${subjectOf(patch, mail)})` : 'in this mail';
  const reasons = new Set(runs.map((r) => r.first.reason));
  const example = reasons.size > 1 ? `e.g. ${runs[0].first.reason}` : runs[0].first.reason;
  return `Repaired (${kind}): ${lines} line${lines === 1 ? '' : 's'} ${where} — ${example}`;
}

/** How many document lines the runs' repairs start on (runs in document order, each on consecutive lines). */
function distinctLines(runs: readonly RepairRun[]): number {
  let lines = 0;
  let last = -1;
  for (const run of runs) {
    const first = runStartLine(run);
    const end = first + run.count - 1;
    if (end > last) {
      lines += end - Math.max(first, last + 1) + 1;
      last = end;
    }
  }
  return lines;
}

function subjectOf(patch: Patch, mail: number): string {
  const subject = patch.mails[mail].subject.trim() || 'no subject';
  return subject.length > 60 ? `${subject.slice(0, 59)}…` : subject;
}

/** A fragment with its invisible characters shown, shortened for one line. */
function visible(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length > 60 ? `${shown.slice(0, 57)}…"` : shown;
}
