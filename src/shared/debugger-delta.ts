// Sending the panel only what changed. The host numbers each message it posts and remembers the
// state it last sent; the next state goes out as the fields that differ from it (a step changes
// the index, the location and the stack, not the heap, the outcome or the scenario), and of the
// stack only the frames above those that stayed. The webview
// applies a delta only to the state it was computed against, and asks for the whole state again
// when it holds another (a reload, a message lost while the panel was hidden).
// Neither `vscode` nor the DOM is used here: the host, the webview and the tests share it.
import type { DebuggerState, FrameItem, RunDelta, RunView, StateDelta, StateFields, ToWebview } from './debugger-protocol';

/** The RunView fields and state fields a message replaced; `all` for a whole state. */
export interface Changed {
  readonly all: boolean;
  readonly fields: ReadonlySet<keyof StateFields>;
  /** Per run on screen, the fields replaced. */
  readonly runs: readonly ReadonlySet<keyof RunView>[];
}

/** Each object's JSON text, made once: a state compared as `next` is compared again as `previous` (a view model is never changed once made). */
const jsonTexts = new WeakMap<object, string>();
function jsonOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let text = jsonTexts.get(value);
  if (text === undefined) jsonTexts.set(value, (text = JSON.stringify(value)));
  return text;
}

function changedKeys<T extends object>(previous: T, next: T): (keyof T)[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)] as (keyof T)[]);
  // Field by field as text: the view model is plain JSON (it crosses postMessage as such).
  return [...keys].filter((key) => previous[key] !== next[key] && jsonOf(previous[key]) !== jsonOf(next[key]));
}

/** The new stack as the frames above the outer ones that stayed, or whole when none stayed. */
function stackChange(previous: readonly FrameItem[], next: readonly FrameItem[]): Pick<RunDelta, 'stack' | 'stackTail'> {
  let kept = 0;
  while (kept < previous.length && kept < next.length && jsonOf(previous[kept]) === jsonOf(next[kept])) kept++;
  return kept === 0 ? { stack: next } : { stackTail: { from: kept, frames: next.slice(kept) } };
}

/**
 * The delta from `previous` to `next`, or null when it cannot be one: another number of runs or
 * other variants (the panel rebuilds its columns then), or a field removed (a delta only replaces).
 */
export function stateDelta(previous: DebuggerState, next: DebuggerState): StateDelta | null {
  if (previous.runs.length !== next.runs.length || previous.runs.some((run, i) => run.variant !== next.runs[i].variant)) return null;
  const { runs: previousRuns, ...previousFields } = previous;
  const { runs: nextRuns, ...nextFields } = next;
  const fields: Record<string, unknown> = {};
  for (const key of changedKeys<StateFields>(previousFields, nextFields)) {
    if (nextFields[key] === undefined) return null;
    fields[key] = nextFields[key];
  }
  const runs: RunDelta[] = [];
  for (let i = 0; i < nextRuns.length; i++) {
    const run: Record<string, unknown> = {};
    for (const key of changedKeys<RunView>(previousRuns[i], nextRuns[i])) {
      if (nextRuns[i][key] === undefined) return null;
      if (key === 'stack') Object.assign(run, stackChange(previousRuns[i].stack, nextRuns[i].stack));
      else run[key] = nextRuns[i][key];
    }
    runs.push(run as RunDelta);
  }
  return { fields: fields as Partial<StateFields>, runs };
}

/** The host's side: turns each state into the message that carries it, numbered. */
export class StateSender {
  private seq = 0;
  private sent: { readonly seq: number; readonly state: DebuggerState } | null = null;

  /** The next message for `state`, or null when nothing changed since the last one. */
  next(state: DebuggerState): ToWebview | null {
    const delta = this.sent ? stateDelta(this.sent.state, state) : null;
    if (this.sent && delta && Object.keys(delta.fields).length === 0 && delta.runs.every((run) => Object.keys(run).length === 0)) return null;
    const seq = ++this.seq;
    const message: ToWebview = this.sent && delta ? { type: 'debugger/delta', seq, base: this.sent.seq, delta } : { type: 'debugger/state', seq, state };
    this.sent = { seq, state };
    return message;
  }

  /** Whether the last message sent was numbered `seq` (the state a page says it shows is the one deltas are made against). */
  holds(seq: number | undefined): boolean {
    return seq !== undefined && this.sent?.seq === seq;
  }

  /** The webview lost what it had (shown again, reloaded, or asked): the next message is whole. */
  reset(): void {
    this.sent = null;
  }
}

/** The webview's side: the state after a message, and what it changed; null when the base is not ours. */
export function applyMessage(current: { readonly seq: number | null; readonly state: DebuggerState | null }, message: ToWebview): { seq: number | null; state: DebuggerState; changed: Changed } | null {
  if (message.type === 'debugger/state') {
    return { seq: message.seq ?? null, state: message.state, changed: { all: true, fields: new Set(), runs: [] } };
  }
  const base = current.state;
  if (!base || current.seq !== message.base || message.delta.runs.length !== base.runs.length) return null;
  const runs: RunView[] = [];
  const changedRuns: Set<keyof RunView>[] = [];
  for (let i = 0; i < base.runs.length; i++) {
    const { stackTail, ...fields } = message.delta.runs[i];
    const run = { ...base.runs[i], ...fields };
    const changed = new Set(Object.keys(fields) as (keyof RunView)[]);
    if (stackTail) {
      // Frames kept from a stack this state does not have: not ours to patch.
      if (stackTail.from > base.runs[i].stack.length) return null;
      run.stack = [...base.runs[i].stack.slice(0, stackTail.from), ...stackTail.frames];
      changed.add('stack');
    }
    runs.push(run);
    changedRuns.push(changed);
  }
  return {
    seq: message.seq,
    state: { ...base, ...message.delta.fields, runs },
    changed: { all: false, fields: new Set(Object.keys(message.delta.fields) as (keyof StateFields)[]), runs: changedRuns },
  };
}
