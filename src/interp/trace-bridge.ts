// The one place where interpreted code talks to the stepper's Tracer (src/kernel/tracer.ts):
// function entry and return, and a step before each statement that the mapping places on a model
// statement id. Fast mode (no tracer) pays one null check per such statement. Statements the
// model has no id for (lines an edit added) are not reported: the current Tracer names steps by
// model ids only (the runtime layer of issue 14 is to lift that).
import { LOCAL_TYPES } from '../kernel/locals';
import { FUNCTIONS, isStepId, type ModelFunction, type StepId } from '../kernel/statements';
import type { Locals, RawValue } from '../kernel/tracer';
import { UPID_STRIDE, type Frame, type Runtime } from './runtime';

function isModelFunction(name: string): name is ModelFunction {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** The frame's locals under the model's names and encodings (upid as the model prints it). */
function localsOf(fn: ModelFunction, slots: ReadonlyMap<string, number>, f: Frame): Locals {
  const types = LOCAL_TYPES[fn];
  const view: Record<string, RawValue> = {};
  for (const name of Object.keys(types)) {
    const slot = slots.get(name);
    if (slot === undefined) continue;
    const value = f[slot];
    if (types[name] === 'struct upid *') {
      const pid = Math.floor(value / UPID_STRIDE);
      view[name] = pid === 0 ? null : `&pid->numbers[${value - pid * UPID_STRIDE}]`;
    } else {
      view[name] = value;
    }
  }
  return view;
}

export class TraceBridge {
  private readonly fn: ModelFunction | undefined;

  constructor(
    private readonly rt: Runtime,
    name: string,
    private readonly slots: ReadonlyMap<string, number>,
  ) {
    this.fn = isModelFunction(name) ? name : undefined;
  }

  enter(f: Frame): void {
    const tr = this.rt.k.tr;
    if (tr !== null && this.fn !== undefined) tr.call(this.fn, localsOf(this.fn, this.slots, f));
  }

  leave(value: number): void {
    const tr = this.rt.k.tr;
    if (tr !== null && this.fn !== undefined) tr.ret(value);
  }

  /** An instruction that reports step `id` before running `inner`. */
  stepped(id: string, inner: (f: Frame) => number): (f: Frame) => number {
    const rt = this.rt;
    const fn = this.fn;
    const slots = this.slots;
    // Checked once when the function is compiled: the ids come from the skeleton's lines.
    if (fn === undefined || !isStepId(id)) return inner;
    const site: StepId = id;
    return (f) => {
      const tr = rt.k.tr;
      if (tr !== null) tr.step(site, localsOf(fn, slots, f));
      return inner(f);
    };
  }
}
