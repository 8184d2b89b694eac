// What the Problems panel says about repairs: one entry per mail and kind of repair (the
// sample's 89 repaired fragments are 8 entries, a quoted reply's prefixes one), each listing the
// fragments it stands for. The per-line detail stays in the editor (decoration and hover).
import type { DocRange, Patch, Repair, RepairKind } from '../patch/model';

export interface RepairGroup {
  /** The index of the mail the repairs are in, or -1 for text outside every mail. */
  readonly mail: number;
  readonly kind: RepairKind;
  /** In document order. */
  readonly repairs: readonly Repair[];
  /** Where the Problems entry points: the first repair. */
  readonly range: DocRange;
  /** One line: the kind, how many lines, where, and the first repair's reason. */
  readonly message: string;
}

/** Groups are ordered by their first repair's position. */
export function summariseRepairs(patch: Patch): RepairGroup[] {
  const groups = new Map<string, { mail: number; kind: RepairKind; repairs: Repair[] }>();
  for (const repair of patch.repairs) {
    const mail = mailOf(patch, repair.range.start.line);
    const key = `${mail}\u0000${repair.kind}`;
    const group = groups.get(key) ?? { mail, kind: repair.kind, repairs: [] };
    group.repairs.push(repair);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => {
      const repairs = [...g.repairs].sort(byPosition);
      return { mail: g.mail, kind: g.kind, repairs, range: repairs[0].range, message: groupMessage(patch, g.mail, g.kind, repairs) };
    })
    .sort((a, b) => byPosition(a.repairs[0], b.repairs[0]));
}

/** One repaired fragment, for a group's list: what it was, what it became, why. */
export function describeRepair(repair: Repair): string {
  return `${visible(repair.before)} → ${visible(repair.after)} — ${repair.reason}`;
}

function groupMessage(patch: Patch, mail: number, kind: RepairKind, repairs: readonly Repair[]): string {
  const lines = new Set(repairs.map((r) => r.range.start.line)).size;
  const where = mail < 0 ? 'outside the mails' : patch.mails.length > 1 ? `in mail ${mail + 1} (${subjectOf(patch, mail)})` : 'in this mail';
  const reasons = new Set(repairs.map((r) => r.reason));
  const example = reasons.size > 1 ? `e.g. ${repairs[0].reason}` : repairs[0].reason;
  return `Repaired (${kind}): ${lines} line${lines === 1 ? '' : 's'} ${where} — ${example}`;
}

function mailOf(patch: Patch, line: number): number {
  return patch.mails.findIndex((m) => m.range.start.line <= line && line <= m.range.end.line);
}

function subjectOf(patch: Patch, mail: number): string {
  const subject = patch.mails[mail].subject.trim() || 'no subject';
  return subject.length > 60 ? `${subject.slice(0, 59)}…` : subject;
}

function byPosition(a: Repair, b: Repair): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** A fragment with its invisible characters shown, shortened for one line. */
function visible(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length > 60 ? `${shown.slice(0, 57)}…"` : shown;
}
