// A patch's variant compiled to run: every function the patch shows (merged with the model's
// skeleton where it shows only part), callees it does not show resolved to the model, and the
// two entry points the scenario driver calls (copy_process, free_pid) as a KernelCode.
import type { CParser, SyntaxNode } from '../c';
import { copyProcess as modelCopyProcess } from '../kernel/fork';
import type { Kernel } from '../kernel/kernel';
import { allocFixedPidmap, allocPid, allocPidmap, allocPidmapPage, freePid, freePidmap, setPredefinedPid } from '../kernel/pid';
import { IS_ERR } from '../kernel/pointers';
import type { KernelCode } from '../kernel/run';
import { FUNCTIONS, type ModelFunction, type Variant } from '../kernel/statements';
import { mapPatch } from '../mapping/map-patch';
import type { Patch } from '../patch/model';
import { assemble } from './assemble';
import { CompiledFunction, FunctionCompiler, type Callees } from './compile';
import type { Problem } from './problems';
import { Runtime, UPID_STRIDE } from './runtime';
import type { CType } from './types';

/** The model's implementations of the functions a patch may call without showing them. */
const MODEL_CALLEES: Readonly<Record<string, { ret: CType; call: (rt: Runtime, a: number[]) => number }>> = {
  alloc_pid: { ret: 'ptr:pid', call: (rt, [ns]) => allocPid(rt.k, rt.ns(ns)) },
  alloc_pidmap: { ret: 'int', call: (rt, [ns]) => allocPidmap(rt.k, rt.ns(ns)) },
  alloc_pidmap_page: { ret: 'int', call: (rt, [map]) => allocPidmapPage(rt.k, rt.mapNs(map), rt.mapEntry(map)) },
  alloc_fixed_pidmap: { ret: 'int', call: (rt, [ns, nr]) => allocFixedPidmap(rt.k, rt.ns(ns), nr) },
  set_predefined_pid: { ret: 'int', call: (rt, [ns, pid, nr]) => setPredefinedPid(rt.k, rt.ns(ns), pid, nr) },
  free_pidmap: {
    ret: 'void',
    call: (rt, [upid]) => (freePidmap(rt.k, Math.floor(upid / UPID_STRIDE), upid - Math.floor(upid / UPID_STRIDE) * UPID_STRIDE), 0),
  },
  free_pid: { ret: 'void', call: (rt, [pid]) => (freePid(rt.k, pid), 0) },
};

export interface Program {
  readonly variant: Variant;
  /** The functions that run from the patch's text (in part or whole). */
  readonly interpreted: readonly string[];
  readonly code: KernelCode;
}

export type CompileResult = { ok: true; program: Program } | { ok: false; problems: readonly Problem[] };

/** Compiles the variant of the patch (nothing runs when a problem is found). */
export function compileVariant(patch: Patch, variant: Variant, parser: CParser): CompileResult {
  const assembly = assemble(patch, mapPatch(patch), variant);
  const problems: Problem[] = [...assembly.problems];
  const rt = new Runtime();
  const functions = new Map<string, CompiledFunction>();
  const trees: { fn: CompiledFunction; definition: SyntaxNode; index: number }[] = [];
  assembly.functions.forEach((assembled, index) => {
    const root = parser.parse(assembled.text.text);
    syntaxProblems(root, assembled.text, problems);
    const definition = root.namedChildren.find((c) => c !== null && c.type === 'function_definition');
    if (!definition) {
      const at = assembled.text.nearestDocPoint(assembled.text.lines.length - 1) ?? { line: 0, column: 0 };
      problems.push({ ...at, message: `${assembled.text.name}: no function definition could be read here` });
      return;
    }
    const fn = new CompiledFunction(assembled.text.name);
    functions.set(fn.name, fn);
    trees.push({ fn, definition, index });
  });
  const callees: Callees = {
    resolve(name) {
      const own = functions.get(name);
      if (own !== undefined) return { ret: own.returnType, call: (args) => own.invoke(args) };
      const model = MODEL_CALLEES[name];
      const info = FUNCTIONS[name as ModelFunction] as (typeof FUNCTIONS)[ModelFunction] | undefined;
      if (model !== undefined && info !== undefined && info.variants.includes(variant)) {
        return { ret: model.ret, call: (args) => model.call(rt, args) };
      }
      return undefined;
    },
  };
  // Heads first, so that a call sees its callee's return type whatever the order.
  for (const { fn, definition, index } of trees) {
    const compiler = new FunctionCompiler(fn, assembly.functions[index].text, assembly.functions[index].skeleton, rt, callees);
    compiler.compile(definition);
    problems.push(...compiler.problems);
  }
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };
  return { ok: true, program: { variant, interpreted: [...functions.keys()], code: kernelCode(rt, functions) } };
}

function kernelCode(rt: Runtime, functions: ReadonlyMap<string, CompiledFunction>): KernelCode {
  const copy = functions.get('copy_process');
  const free = functions.get('free_pid');
  const pidSlot = copy?.slotOfLocal.get('pid');
  return {
    copyProcess(k: Kernel): number {
      rt.k = k;
      if (copy === undefined || pidSlot === undefined) return modelCopyProcess(k);
      // do_fork's clone_flags for fork() (SIGCHLD) and pid = NULL.
      const frame = copy.run([17, 0]);
      const ret = frame[0];
      return IS_ERR(ret) ? ret : frame[pidSlot];
    },
    freePid(k: Kernel, pid: number): void {
      rt.k = k;
      if (free === undefined) freePid(k, pid);
      else free.invoke([pid]);
    },
  };
}

function syntaxProblems(root: SyntaxNode, text: import('../c').FunctionText, problems: Problem[]): void {
  if (!root.hasError) return;
  const visit = (node: SyntaxNode): void => {
    if (node.isError || node.isMissing) {
      const { row, column } = node.startPosition;
      const at = text.docPoint(row, column) ?? text.nearestDocPoint(row) ?? { line: 0, column: 0 };
      const what = node.isMissing ? `missing ${node.type}` : `unexpected ${JSON.stringify(node.text.split('\n')[0].slice(0, 40))}`;
      problems.push({ ...at, message: `syntax error in ${text.name}: ${what}` });
      return;
    }
    for (const child of node.children) if (child !== null && child.hasError) visit(child);
    for (const child of node.children) if (child !== null && child.isMissing) visit(child);
  };
  visit(root);
}

function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((p) => {
      const key = `${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
