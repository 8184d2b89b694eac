// The interpreter: runs the C that a patch shows, as written, over the model's kernel state.
//
// Design (the seams). The model's functions exist twice: as the fast TypeScript of src/kernel
// (pid.ts, fork.ts) and as skeletons (skeletons.ts) — each function, per variant, as source-ordered
// lines shaped like its C (braces, if/for/do heads, labels, goto, break, return) whose statements
// and conditions are JavaScript templates over the shared frame named by placeholders
// (`__kpr_s(N);`, `__kpr_e(N)`), each line keyed by the statement ids of src/kernel/statements.ts.
// For a function the patch shows, assemble.ts lays each hunk's lines over the skeleton: the
// mapping (src/mapping) anchors the hunk's lines on statement ids, and the hunk's text replaces
// the skeleton lines from its first to its last anchor (widened over the braces it shows at its
// edges, and to the function's head or end when it shows them). The result is one complete C function — the patch's text where the patch
// shows it, placeholders elsewhere — that tree-sitter parses as a whole (src/c), so a seam may fall
// anywhere, even inside a statement: out_free's loop header from the model around its body from the
// patch, or a `goto out` in an edit to a label only the model's part has. compile.ts turns the
// syntax tree into a statement tree (ir.ts) whose expressions are JavaScript source over the
// function's locals (one variable per numbered frame slot); codegen.ts generates one JavaScript
// function per C function from it (`new Function`: C's ifs and loops as JavaScript's, gotos to
// top-level labels through one `switch (pc)`, the skeleton's templates inline, the callees and
// the step sites passed in as constants), so a run does no tree walk, no name lookup and no
// allocation per call. Callees the
// patch never shows run in the model (program.ts), as do the allocators, bit operations, atomics
// and the task's next_syscall_data (builtins.ts, JavaScript templates) over the same Kernel, so
// the sanitizer, fault injection and the outcome are the model's.
//
// Steps (sites.ts, trace-bridge.ts): every statement reports one through the Kernel's Tracer, behind
// one null check. A statement on a patch line reports an InterpretedSite — its document span, and
// the model statement the mapping places on that line (null for a line an edit added or changed);
// a statement of the model's part reports its model step id; a function the model does not have
// enters as an InterpretedFunction (its signature's span). On the unedited sample a traced run
// reports the model's ids and patch lines in the model's order (test/unit/interp/differential).
//
// Values are numbers in the model's encodings (runtime.ts); a dereference the sanitizer rejects
// records err-ptr-deref and skips the rest of the call, as the model's free_pidmap does. Locals
// live in one slot per name per function (C's block scopes are not kept apart).
export { compileVariant, type CompileResult, type Program } from './program';
export { formatProblem, type Problem } from './problems';
export { runPatchScenario, type PatchRunResult } from './run-patch';
export { refusedProblems, type VariantProblem } from './diagnostics';
