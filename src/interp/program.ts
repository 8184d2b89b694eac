// A patch's variant compiled to run: every function the patch shows (merged with the model's
// skeleton where it shows only part), callees it does not show resolved to the model, and the
// two entry points the scenario driver calls (copy_process, free_pid) as a KernelCode.
import type { CParser, SyntaxNode } from '../c';
import { copyProcess as modelCopyProcess } from '../kernel/fork';
import type { Kernel } from '../kernel/kernel';
import { allocFixedPidmap, allocPid, allocPidmap, allocPidmapPage, freePid, freePidmap, setPredefinedPid } from '../kernel/pid';
import { IS_ERR } from '../kernel/pointers';
import type { InterpretedSite } from '../kernel/tracer';
import type { KernelCode } from '../kernel/run';
import { FUNCTIONS, type ModelFunction, type Variant } from '../kernel/statements';
import { mapPatch } from '../mapping/map-patch';
import type { Patch } from '../patch/model';
import { assemble } from './assemble';
import { CompiledFunction } from './codegen';
import { FunctionCompiler, type Callee, type Callees } from './compile';
import type { Problem } from './problems';
import { Runtime } from './runtime';
import type { CType } from './types';

/** The model's implementations of the functions a patch may call without showing them. */
const MODEL_CALLEES: Readonly<Record<string, { ret: CType; arity: number; call: (rt: Runtime, a0: number, a1: number, a2: number) => number }>> = {
  alloc_pid: { ret: 'ptr:pid', arity: 1, call: (rt, ns) => allocPid(rt.k, rt.ns(ns)) },
  alloc_pidmap: { ret: 'int', arity: 1, call: (rt, ns) => allocPidmap(rt.k, rt.ns(ns)) },
  alloc_pidmap_page: { ret: 'int', arity: 1, call: (rt, map) => allocPidmapPage(rt.k, rt.mapNs(map), rt.mapEntry(map)) },
  alloc_fixed_pidmap: { ret: 'int', arity: 2, call: (rt, ns, nr) => allocFixedPidmap(rt.k, rt.ns(ns), nr) },
  set_predefined_pid: { ret: 'int', arity: 3, call: (rt, ns, pid, nr) => setPredefinedPid(rt.k, rt.ns(ns), pid, nr) },
  free_pidmap: { ret: 'void', arity: 1, call: (rt, upid) => (freePidmap(rt.k, rt.upidPid(upid), rt.upidLevel(upid)), 0) },
  free_pid: { ret: 'void', arity: 1, call: (rt, pid) => (freePid(rt.k, pid), 0) },
};

export interface Program {
  readonly variant: Variant;
  /** The functions that run from the patch's text (in part or whole). */
  readonly interpreted: readonly string[];
  readonly code: KernelCode;
  /** Every statement of the patch's text the program runs: its span, and the model step it stands for (if any). */
  readonly sites: readonly InterpretedSite[];
}

export type CompileResult = { ok: true; program: Program } | { ok: false; problems: readonly Problem[] };

/** Compiles the variant of the patch (nothing runs when a problem is found). */
export function compileVariant(patch: Patch, variant: Variant, parser: CParser): CompileResult {
  const assembly = assemble(patch, mapPatch(patch), variant);
  const problems: Problem[] = [...assembly.problems];
  const rt = new Runtime();
  const functions = new Map<string, CompiledFunction>();
  const units: { compiler: FunctionCompiler; definition: SyntaxNode }[] = [];
  const callees: Callees = {
    resolve(name): Callee | undefined {
      const own = functions.get(name);
      if (own !== undefined) {
        return {
          ret: own.returnType, arity: own.params.length,
          code: (args, konst) => `${konst(own)}.entry(${args.join(', ')})`,
        };
      }
      const model = MODEL_CALLEES[name];
      const info = FUNCTIONS[name as ModelFunction] as (typeof FUNCTIONS)[ModelFunction] | undefined;
      if (model === undefined || info === undefined || !info.variants.includes(variant)) return undefined;
      const call = model.call;
      return {
        ret: model.ret, arity: model.arity,
        code: (args, konst) => `${konst(call)}(rt, ${args.join(', ')})`,
      };
    },
  };
  for (const assembled of assembly.functions) {
    const root = parser.parse(assembled.text.text);
    syntaxProblems(root, assembled.text, problems);
    const definition = root.namedChildren.find((c) => c !== null && c.type === 'function_definition');
    if (!definition) {
      const at = assembled.text.nearestDocPoint(assembled.text.lines.length - 1) ?? { line: 0, column: 0 };
      problems.push({ ...at, message: `${assembled.text.name}: no function definition could be read here` });
      continue;
    }
    const fn = new CompiledFunction(assembled.text.name, rt);
    const compiler = new FunctionCompiler(fn, assembled.text, assembled.skeleton, callees);
    // Heads first, so that a call sees its callee's parameters and return type whatever the order.
    if (compiler.compileHead(definition)) functions.set(fn.name, fn);
    units.push({ compiler, definition });
  }
  for (const { compiler, definition } of units) compiler.compileBody(definition);
  for (const { compiler } of units) problems.push(...compiler.problems);
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };
  for (const fn of functions.values()) fn.generate();
  const sites: InterpretedSite[] = [];
  for (const fn of functions.values()) for (const op of fn.ops) if (typeof op.site === 'object') sites.push(op.site);
  return { ok: true, program: { variant, interpreted: [...functions.keys()], code: kernelCode(rt, functions), sites } };
}

function kernelCode(rt: Runtime, functions: ReadonlyMap<string, CompiledFunction>): KernelCode {
  const copy = functions.get('copy_process');
  const free = functions.get('free_pid');
  const pidSlot = copy?.slotOf('pid');
  return {
    copyProcess(k: Kernel): number {
      rt.k = k;
      if (copy === undefined || pidSlot === undefined) return modelCopyProcess(k);
      // do_fork's clone_flags for fork() (SIGCHLD) and pid = NULL.
      const ret = copy.entry(17, 0);
      return IS_ERR(ret) ? ret : copy.pool[0][pidSlot];
    },
    freePid(k: Kernel, pid: number): void {
      rt.k = k;
      if (free === undefined) freePid(k, pid);
      else free.entry(pid);
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
