// The one place where interpreted code talks to the stepper's Tracer (src/kernel/tracer.ts). The
// generated code (codegen.ts) calls it only behind `tr !== null`, so fast mode pays one null
// check per statement and builds nothing; here the frame's slots become the locals the stepper
// shows: under the model's names and encodings for a function the model has, and every local the
// interpreted text declares (an edit may add some).
import { LOCAL_TYPES } from '../kernel/locals';
import { isModelFunction } from '../kernel/statements';
import type { Locals, RawValue, StepSite, Tracer } from '../kernel/tracer';
import type { CompiledFunction } from './codegen';
import { UPID_STRIDE, type Frame } from './runtime';

interface Shown {
  readonly name: string;
  readonly slot: number;
  readonly upid: boolean;
}

export class TraceBridge {
  private shown: readonly Shown[] | undefined;

  constructor(private readonly fn: CompiledFunction) {}

  enter(tr: Tracer, f: Frame): void {
    tr.call(this.fn.site, this.localsOf(f));
  }

  step(tr: Tracer, site: StepSite, f: Frame): void {
    tr.step(site, this.localsOf(f));
  }

  leave(tr: Tracer, value: number): void {
    tr.ret(value);
  }

  /** The frame's locals in the model's encodings (a upid into no struct pid: unset). */
  private localsOf(f: Frame): Locals {
    this.shown ??= this.locals();
    const view: Record<string, RawValue> = {};
    for (const { name, slot, upid } of this.shown) {
      const value = f[slot];
      view[name] = upid && Math.floor(value / UPID_STRIDE) === 0 ? null : value;
    }
    return view;
  }

  /** The model's locals first, in its order, then those only the interpreted text declares. */
  private locals(): readonly Shown[] {
    const all = this.fn.locals();
    const types = isModelFunction(this.fn.name) ? LOCAL_TYPES[this.fn.name] : {};
    const model = Object.keys(types).flatMap((name) => all.filter((l) => l.name === name));
    const own = all.filter((l) => !Object.prototype.hasOwnProperty.call(types, l.name));
    return [...model, ...own].map((l) => ({ name: l.name, slot: l.slot, upid: l.t === 'ptr:upid' }));
  }
}
