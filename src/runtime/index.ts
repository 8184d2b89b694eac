// The debug runtime: one typed answer, for the panel (src/vscode/debugger-panel), the native debugger
// (src/debug-adapter) and `kpr trace`, to "which step is this, where is it shown, do we stop
// here, what are the values, which faults". No `vscode` import (lint enforces it). The faces only
// present its answers.
//
// The contract with the execution sources (the TypeScript model in src/kernel, and the C
// interpreter of the patch text that plugs in beside it):
// - A source reports a run through the four Tracer hooks of src/kernel/tracer.ts: call, step,
//   ret and change. The recording stepper (src/stepper) keeps each step as an execution point.
// - A step's site is a model statement (a StepId of src/kernel/statements.ts: a misspelt id is a
//   compile error) or an InterpretedSite: the statement's span in the patch document (0-based
//   line, columns) plus the StepId it stands for, or null for a line the model does not have (an
//   edited or added line). A frame's function is a ModelFunction or an InterpretedFunction (a
//   name and its signature's span): frames of functions the model does not know are fine.
// - Locals are handed over whole at every step, as one object (alloc_pid hands the very object
//   its code reads and writes); the recorder snapshots the locals in scope. Their values are
//   numbers in the encodings of src/kernel/locals.ts, typed by LOCAL_TYPES; an execution point
//   carries them as typed Values (src/kernel/values.ts: int, NULL, ERR_PTR, pointers to a struct
//   pid / page by id, a namespace by level, a pidmap entry, a upid of a struct pid), and faults
//   as typed FaultCauses. The faces word them with src/stepper/format.ts; nobody parses a
//   formatted value back.
// - Where a step shows (locations.ts): its span when it has one, else the patch line the mapping
//   gives its StepId, else the model's text view. Which line a fault is blamed on
//   (fault-sites.ts), and when a breakpoint stops (stop-rule.ts), follow from the same sites, so
//   interpreted and modelled steps stop and blame alike.
export { DebugRun, MAX_LISTED_FAULTS, type RunMove, type RunStop } from './debug-run';
export { faultSites, placeFault, type FaultSite } from './fault-sites';
export { SourceLocator, type SourceLocation, type StepSiteRef } from './locations';
export { LineBreakpoints } from './stop-rule';
