// Compiles one function's tree-sitter tree to a flat instruction list: every statement becomes
// closures over a frame of numbered slots, control flow becomes jumps between indices (loops as
// init / cond / body / update / jump), so running it is `pc = code[pc](frame)` with no tree walk
// and no name lookups. Whatever cannot be compiled is reported as a Problem at the patch's
// document position; nothing runs from a function with a problem.
import type { FunctionText, SyntaxNode } from '../c';
import { builtinNamed, globalNamed } from './builtins';
import type { Problem } from './problems';
import { RET_SLOT, SkipCall, UPID_STRIDE, type Frame, type Runtime } from './runtime';
import { pageOf, type ModelContext, type Skeleton } from './skeletons';
import { ctypeOf, isPointer, type CType } from './types';
import { TraceBridge } from './trace-bridge';
import { statementById } from '../kernel/statements';

type Getter = (f: Frame) => number;
type Setter = (f: Frame, v: number) => void;
export type Instr = (f: Frame) => number;

interface Expr {
  readonly t: CType;
  readonly get: Getter;
  readonly set?: Setter;
}

/** A function as the program calls it: filled in when its body is compiled. */
export class CompiledFunction {
  code: Instr[] = [];
  slotCount = 1;
  params: number[] = [];
  paramTypes: CType[] = [];
  returnType: CType = 'int';
  slotOfLocal = new Map<string, number>();
  bridge: TraceBridge | undefined;

  constructor(readonly name: string) {}

  invoke(args: readonly number[]): number {
    return this.run(args)[RET_SLOT];
  }

  /** Frames of finished calls, reused so that a fork allocates nothing (index: call depth). */
  private readonly pool: Frame[] = [];
  private depth = 0;

  /** Runs the function and returns its frame (the return value is in RET_SLOT); valid until the next call. */
  run(args: readonly number[]): Frame {
    let f = this.pool[this.depth];
    if (f === undefined) {
      f = new Float64Array(this.slotCount);
      this.pool[this.depth] = f;
    } else {
      f.fill(0);
    }
    this.depth++;
    const params = this.params;
    for (let i = 0; i < params.length; i++) f[params[i]] = args[i] ?? 0;
    const code = this.code;
    const bridge = this.bridge;
    if (bridge !== undefined) bridge.enter(f);
    let pc = 0;
    try {
      while (pc >= 0) pc = code[pc](f);
    } catch (error) {
      // The sanitizer skipped the rest of this call (a bad dereference): it returns nothing.
      if (error !== SkipCall.instance) throw error;
      f[RET_SLOT] = 0;
    } finally {
      this.depth--;
    }
    if (bridge !== undefined) bridge.leave(f[RET_SLOT]);
    return f;
  }
}

/** What a function body can call: the program's functions, the model's, the builtins. */
export interface Callees {
  /** A callee other than a builtin, or undefined when neither the patch nor the model defines it. */
  resolve(name: string): { readonly ret: CType; readonly call: (args: number[]) => number } | undefined;
}

class Label {
  pc = -1;
  constructor(readonly name?: string) {}
}

type Op = (
  | { kind: 'eval'; get: Getter }
  | { kind: 'jf'; get: Getter; to: Label }
  | { kind: 'jt'; get: Getter; to: Label }
  | { kind: 'jmp'; to: Label }
  | { kind: 'ret'; get: Getter | null }
) & { step?: string };

const LOOP_PART = /for-(init|cond|inc|dec)$/;
const nothing: Getter = () => 0;

class Refusal {
  constructor(readonly node: SyntaxNode, readonly message: string) {}
}

const INT_OPS: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => (a + b) | 0,
  '-': (a, b) => (a - b) | 0,
  '*': (a, b) => Math.imul(a, b),
  '/': (a, b) => (b === 0 ? 0 : (a / b) | 0),
  '%': (a, b) => (b === 0 ? 0 : a % b | 0),
  '<<': (a, b) => a << b,
  '>>': (a, b) => a >> b,
  '&': (a, b) => a & b,
  '|': (a, b) => a | b,
  '^': (a, b) => a ^ b,
  '==': (a, b) => (a === b ? 1 : 0),
  '!=': (a, b) => (a !== b ? 1 : 0),
  '<': (a, b) => (a < b ? 1 : 0),
  '>': (a, b) => (a > b ? 1 : 0),
  '<=': (a, b) => (a <= b ? 1 : 0),
  '>=': (a, b) => (a >= b ? 1 : 0),
};

export class FunctionCompiler {
  private readonly ops: Op[] = [];
  private readonly labels = new Map<string, Label>();
  private readonly loops: { brk: Label; cont: Label }[] = [];
  private readonly types = new Map<string, CType>();
  readonly problems: Problem[] = [];

  constructor(
    private readonly target: CompiledFunction,
    private readonly text: FunctionText,
    private readonly skeleton: Skeleton | undefined,
    private readonly rt: Runtime,
    private readonly callees: Callees,
  ) {}

  compile(definition: SyntaxNode): void {
    try {
      this.declareSkeletonLocals();
      this.compileHead(definition);
      const body = definition.childForFieldName('body');
      if (body === null) throw new Refusal(definition, 'a function definition without a body');
      this.target.bridge = new TraceBridge(this.rt, this.target.name, this.target.slotOfLocal);
      this.statement(body);
      // A void function's closing brace is a step of the model's (`free_pidmap/end`).
      const end = `${this.target.name}/end`;
      this.ops.push({ kind: 'ret', get: null, ...(statementById(end) ? { step: end } : {}) });
      for (const label of this.labels.values()) {
        if (label.pc < 0) throw new Refusal(definition, `goto ${label.name}: no label ${label.name} in ${this.target.name}`);
      }
      this.target.code = this.link();
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.refuse(error.node, error.message);
    }
  }

  private refuse(node: SyntaxNode, message: string): void {
    const { row, column } = node.startPosition;
    const at = this.text.docPoint(row, column) ?? this.text.nearestDocPoint(row) ?? { line: 0, column: 0 };
    this.problems.push({ line: at.line, column: at.column, message });
  }

  private declareSkeletonLocals(): void {
    if (this.skeleton === undefined) return;
    for (const [name, ctext] of Object.entries(this.skeleton.locals)) {
      const stars = (ctext.match(/\*/g) ?? []).length;
      this.declare(name, ctypeOf(ctext.replace(/\*/g, '').trim(), stars) ?? 'int');
    }
  }

  private declare(name: string, t: CType): number {
    let slot = this.target.slotOfLocal.get(name);
    if (slot === undefined) {
      slot = this.target.slotCount++;
      this.target.slotOfLocal.set(name, slot);
    }
    this.types.set(name, t);
    return slot;
  }

  private compileHead(definition: SyntaxNode): void {
    let declarator = definition.childForFieldName('declarator');
    let stars = 0;
    while (declarator !== null && declarator.type === 'pointer_declarator') {
      stars++;
      declarator = declarator.childForFieldName('declarator');
    }
    if (declarator === null || declarator.type !== 'function_declarator') throw new Refusal(definition, 'not a function definition');
    const typeNode = definition.childForFieldName('type');
    this.target.returnType = typeNode !== null && typeNode.text === 'void' && stars === 0 ? 'void' : this.typeOf(definition, stars);
    const params = declarator.childForFieldName('parameters');
    this.target.params = [];
    this.target.paramTypes = [];
    for (const param of params?.namedChildren ?? []) {
      if (param === null || param.type === 'comment') continue;
      if (param.type !== 'parameter_declaration') throw new Refusal(param, `unsupported parameter: ${param.text}`);
      if (param.text === 'void') continue;
      const { name, stars: pStars } = this.declaratorName(param.childForFieldName('declarator'), param);
      const t = this.typeOf(param, pStars);
      this.target.params.push(this.declare(name, t));
      this.target.paramTypes.push(t);
    }
  }

  private declaratorName(node: SyntaxNode | null, owner: SyntaxNode): { name: string; stars: number } {
    let stars = 0;
    let current = node;
    while (current !== null && current.type === 'pointer_declarator') {
      stars++;
      current = current.childForFieldName('declarator');
    }
    if (current === null || current.type !== 'identifier') throw new Refusal(owner, `unsupported declarator: ${owner.text}`);
    return { name: current.text, stars };
  }

  private typeOf(owner: SyntaxNode, stars: number): CType {
    const typeNode = owner.childForFieldName('type');
    if (typeNode === null) throw new Refusal(owner, 'a declaration without a type');
    const t = ctypeOf(typeNode.text, stars);
    if (t === undefined) throw new Refusal(typeNode, `unsupported type: ${typeNode.text}${' *'.repeat(stars)}`);
    return t;
  }

  // ---- statements ----------------------------------------------------------------------------

  private statement(node: SyntaxNode): void {
    switch (node.type) {
      case 'compound_statement':
        for (const child of node.namedChildren) if (child !== null) this.statement(child);
        return;
      case 'comment':
        return;
      case 'declaration':
        this.declaration(node);
        return;
      case 'expression_statement': {
        const e = node.namedChildren.find((c) => c !== null && c.type !== 'comment');
        if (e) this.ops.push({ kind: 'eval', get: this.expr(e).get, ...this.withStep(this.plainId(node)) });
        return;
      }
      case 'if_statement':
        this.ifStatement(node);
        return;
      case 'for_statement':
        this.forStatement(node);
        return;
      case 'while_statement': {
        const cond = new Label();
        const end = new Label();
        this.bind(cond);
        this.ops.push({ kind: 'jf', get: this.condition(node.childForFieldName('condition')), to: end });
        this.loopBody(node.childForFieldName('body'), end, cond);
        this.ops.push({ kind: 'jmp', to: cond });
        this.bind(end);
        return;
      }
      case 'do_statement': {
        const top = new Label();
        const cond = new Label();
        const end = new Label();
        const doId = this.plainId(node);
        if (doId !== undefined) this.ops.push({ kind: 'eval', get: nothing, step: doId });
        this.bind(top);
        this.loopBody(node.childForFieldName('body'), end, cond);
        this.bind(cond);
        const condition = node.childForFieldName('condition');
        this.ops.push({ kind: 'jt', get: this.condition(condition), to: top, ...this.withStep(condition ? this.plainId(condition) : undefined) });
        this.bind(end);
        return;
      }
      case 'return_statement': {
        const value = node.namedChildren.find((c) => c !== null && c.type !== 'comment');
        this.ops.push({ kind: 'ret', get: value ? this.expr(value).get : null, ...this.withStep(this.plainId(node)) });
        return;
      }
      case 'break_statement':
      case 'continue_statement': {
        const loop = this.loops[this.loops.length - 1];
        if (loop === undefined) throw new Refusal(node, `${node.type === 'break_statement' ? 'break' : 'continue'} outside a loop`);
        this.ops.push({ kind: 'jmp', to: node.type === 'break_statement' ? loop.brk : loop.cont, ...this.withStep(this.plainId(node)) });
        return;
      }
      case 'goto_statement': {
        const name = node.childForFieldName('label')?.text ?? '';
        this.ops.push({ kind: 'jmp', to: this.label(name), ...this.withStep(this.plainId(node)) });
        return;
      }
      case 'labeled_statement': {
        const name = node.childForFieldName('label')?.text ?? '';
        const label = this.label(name);
        if (label.pc >= 0) throw new Refusal(node, `label ${name} defined twice`);
        this.bind(label);
        const labelId = this.plainId(node);
        if (labelId !== undefined) this.ops.push({ kind: 'eval', get: nothing, step: labelId });
        for (const child of node.namedChildren) {
          if (child !== null && child.type !== 'statement_identifier') this.statement(child);
        }
        return;
      }
      case ';':
        return;
      default:
        if (node.type.startsWith('preproc_')) throw new Refusal(node, `a preprocessor directive inside a function is not supported: ${firstLine(node.text)}`);
        throw new Refusal(node, `unsupported statement (${node.type.replace(/_/g, ' ')}): ${firstLine(node.text)}`);
    }
  }

  /** The model statement ids of the line where node starts. */
  private idsOf(node: SyntaxNode): readonly string[] {
    return this.text.statementIdsAt(node.startPosition.row);
  }

  /** The id of a plain statement (not a loop header's part) on node's line. */
  private plainId(node: SyntaxNode): string | undefined {
    return this.idsOf(node).find((id) => !LOOP_PART.test(id));
  }

  private loopPart(node: SyntaxNode, part: RegExp): string | undefined {
    return this.idsOf(node).find((id) => LOOP_PART.test(id) && part.test(id));
  }

  private withStep(step: string | undefined): { step?: string } {
    return step === undefined ? {} : { step };
  }

  private label(name: string): Label {
    let label = this.labels.get(name);
    if (label === undefined) {
      label = new Label(name);
      this.labels.set(name, label);
    }
    return label;
  }

  private bind(label: Label): void {
    label.pc = this.ops.length;
  }

  private loopBody(body: SyntaxNode | null, brk: Label, cont: Label): void {
    this.loops.push({ brk, cont });
    if (body !== null) this.statement(body);
    this.loops.pop();
  }

  private condition(node: SyntaxNode | null): Getter {
    if (node === null) return () => 1;
    return this.expr(node.type === 'parenthesized_expression' ? (node.namedChildren[0] as SyntaxNode) : node).get;
  }

  private ifStatement(node: SyntaxNode): void {
    const otherwise = new Label();
    const end = new Label();
    this.ops.push({ kind: 'jf', get: this.condition(node.childForFieldName('condition')), to: otherwise, ...this.withStep(this.plainId(node)) });
    const consequence = node.childForFieldName('consequence');
    if (consequence !== null) this.statement(consequence);
    const alternative = node.childForFieldName('alternative');
    if (alternative !== null) {
      this.ops.push({ kind: 'jmp', to: end });
      this.bind(otherwise);
      const inner = alternative.type === 'else_clause' ? alternative.namedChildren.find((c) => c !== null && c.type !== 'comment') : alternative;
      if (inner) this.statement(inner);
      this.bind(end);
    } else {
      this.bind(otherwise);
    }
  }

  private forStatement(node: SyntaxNode): void {
    const init = node.childForFieldName('initializer');
    const initId = this.loopPart(node, /init$/);
    if (init !== null) {
      if (init.type === 'declaration') this.declaration(init);
      else this.ops.push({ kind: 'eval', get: this.expr(init).get, ...this.withStep(initId) });
    } else if (initId !== undefined) {
      this.ops.push({ kind: 'eval', get: nothing, step: initId });
    }
    const cond = new Label();
    const update = new Label();
    const end = new Label();
    this.bind(cond);
    const condition = node.childForFieldName('condition');
    const condId = this.loopPart(node, /cond$/);
    if (condition !== null) this.ops.push({ kind: 'jf', get: this.expr(condition).get, to: end, ...this.withStep(condId) });
    else if (condId !== undefined) this.ops.push({ kind: 'eval', get: nothing, step: condId });
    this.loopBody(node.childForFieldName('body'), end, update);
    this.bind(update);
    const step = node.childForFieldName('update');
    if (step !== null) this.ops.push({ kind: 'eval', get: this.expr(step).get, ...this.withStep(this.loopPart(node, /(inc|dec)$/)) });
    this.ops.push({ kind: 'jmp', to: cond });
    this.bind(end);
  }

  private declaration(node: SyntaxNode): void {
    const id = this.plainId(node);
    let stepped = false;
    for (const declarator of node.childrenForFieldName('declarator')) {
      if (declarator === null) continue;
      const init = declarator.type === 'init_declarator' ? declarator : null;
      const { name, stars } = this.declaratorName(init ? init.childForFieldName('declarator') : declarator, node);
      const slot = this.declare(name, this.typeOf(node, stars));
      const value = init?.childForFieldName('value');
      if (value) {
        const get = this.expr(value).get;
        this.ops.push({ kind: 'eval', get: (f) => (f[slot] = get(f)), ...this.withStep(stepped ? undefined : id) });
        stepped = true;
      }
    }
  }

  private link(): Instr[] {
    const bridge = this.target.bridge as TraceBridge;
    return this.ops.map((op, i) => {
      const instr = this.instruction(op, i);
      return op.step === undefined ? instr : bridge.stepped(op.step, instr);
    });
  }

  private instruction(op: Op, i: number): Instr {
    {
      const next = i + 1;
      switch (op.kind) {
        case 'eval': {
          const get = op.get;
          return (f) => {
            get(f);
            return next;
          };
        }
        case 'jf': {
          const { get } = op;
          const to = op.to.pc;
          return (f) => (get(f) !== 0 ? next : to);
        }
        case 'jt': {
          const { get } = op;
          const to = op.to.pc;
          return (f) => (get(f) !== 0 ? to : next);
        }
        case 'jmp': {
          const to = op.to.pc;
          return () => to;
        }
        case 'ret': {
          const get = op.get;
          if (get === null) return () => -1;
          return (f) => {
            f[RET_SLOT] = get(f);
            return -1;
          };
        }
      }
    }
  }

  // ---- expressions ---------------------------------------------------------------------------

  private expr(node: SyntaxNode): Expr {
    switch (node.type) {
      case 'parenthesized_expression':
        return this.expr(this.only(node));
      case 'identifier':
        return this.identifier(node);
      case 'true':
        return { t: 'int', get: () => 1 };
      case 'false':
        return { t: 'int', get: () => 0 };
      case 'null':
        return { t: 'ptr:void', get: () => 0 };
      case 'number_literal': {
        const value = parseNumber(node.text);
        if (value === undefined) throw new Refusal(node, `unsupported number: ${node.text}`);
        return { t: 'int', get: () => value };
      }
      case 'char_literal': {
        const ch = node.text.slice(1, -1);
        if (ch.length !== 1) throw new Refusal(node, `unsupported character constant: ${node.text}`);
        const value = ch.charCodeAt(0);
        return { t: 'int', get: () => value };
      }
      case 'unary_expression':
        return this.unary(node);
      case 'pointer_expression':
        return this.pointerExpression(node);
      case 'update_expression':
        return this.update(node);
      case 'binary_expression':
        return this.binary(node);
      case 'assignment_expression':
        return this.assignment(node);
      case 'conditional_expression': {
        const c = this.expr(node.childForFieldName('condition') as SyntaxNode).get;
        const a = this.expr(node.childForFieldName('consequence') as SyntaxNode);
        const b = this.expr(node.childForFieldName('alternative') as SyntaxNode);
        const ag = a.get;
        const bg = b.get;
        return { t: a.t === 'ptr:void' ? b.t : a.t, get: (f) => (c(f) !== 0 ? ag(f) : bg(f)) };
      }
      case 'comma_expression': {
        const a = this.expr(node.childForFieldName('left') as SyntaxNode).get;
        const b = this.expr(node.childForFieldName('right') as SyntaxNode);
        const bg = b.get;
        return { t: b.t, get: (f) => (a(f), bg(f)) };
      }
      case 'call_expression':
        return this.call(node);
      case 'field_expression':
        return this.field(node);
      case 'subscript_expression':
        return this.subscript(node);
      case 'cast_expression': {
        const value = this.expr(node.childForFieldName('value') as SyntaxNode);
        const typeNode = node.childForFieldName('type');
        const text = typeNode?.text ?? '';
        const stars = (text.match(/\*/g) ?? []).length;
        const t = ctypeOf(text.replace(/\*/g, '').trim(), stars);
        if (t === undefined) throw new Refusal(node, `unsupported cast to ${text}`);
        const get = value.get;
        return { t: t === 'int' ? 'int' : value.t === 'int' || value.t === 'ptr:void' ? t : value.t, get };
      }
      case 'sizeof_expression': {
        const text = (node.childForFieldName('type') ?? node.childForFieldName('value'))?.text ?? '';
        const size = /\*/.test(text) ? 8 : /\b(long|size_t)\b/.test(text) ? 8 : /\bchar\b/.test(text) ? 1 : /\bint\b/.test(text) ? 4 : undefined;
        if (size === undefined) throw new Refusal(node, `unsupported sizeof: ${node.text} (the model has no layout for it)`);
        return { t: 'int', get: () => size };
      }
      default:
        throw new Refusal(node, node.type === 'ERROR' ? `syntax error: ${firstLine(node.text)}` : `unsupported expression (${node.type.replace(/_/g, ' ')}): ${firstLine(node.text)}`);
    }
  }

  private only(node: SyntaxNode): SyntaxNode {
    const inner = node.namedChildren.find((c) => c !== null && c.type !== 'comment');
    if (!inner) throw new Refusal(node, 'empty parentheses');
    return inner;
  }

  private identifier(node: SyntaxNode): Expr {
    const name = node.text;
    const slot = this.target.slotOfLocal.get(name);
    if (slot !== undefined) {
      return {
        t: this.types.get(name) ?? 'int',
        get: (f) => f[slot],
        set: (f, v) => {
          f[slot] = v;
        },
      };
    }
    const global = globalNamed(name);
    if (global !== undefined) return { t: global.t, get: global.get(this.rt) };
    throw new Refusal(node, `unknown identifier ${name}: neither the patch nor the model defines it`);
  }

  private unary(node: SyntaxNode): Expr {
    const op = node.childForFieldName('operator')?.text ?? node.child(0)?.text;
    const a = this.expr(node.childForFieldName('argument') as SyntaxNode).get;
    switch (op) {
      case '!':
        return { t: 'int', get: (f) => (a(f) === 0 ? 1 : 0) };
      case '-':
        return { t: 'int', get: (f) => -a(f) | 0 };
      case '+':
        return { t: 'int', get: a };
      case '~':
        return { t: 'int', get: (f) => ~a(f) };
      default:
        throw new Refusal(node, `unsupported operator ${op}`);
    }
  }

  private pointerExpression(node: SyntaxNode): Expr {
    const op = node.childForFieldName('operator')?.text ?? node.child(0)?.text;
    const arg = node.childForFieldName('argument') as SyntaxNode;
    if (op === '&') {
      if (arg.type === 'identifier' && this.target.slotOfLocal.has(arg.text)) return { t: 'ptr:opaque', get: () => 0 };
      const e = this.expr(arg);
      const t: CType | undefined =
        e.t === 'val:upid' ? 'ptr:upid' : e.t === 'val:pidmap' ? 'ptr:pidmap' : e.t === 'val:atomic' ? 'ptr:atomic'
        : e.t === 'val:opaque' ? (arg.text === 'init_struct_pid' ? 'ptr:pid' : 'ptr:opaque') : undefined;
      if (t === undefined) throw new Refusal(node, `cannot take the address of ${arg.text}`);
      return { t, get: e.get };
    }
    const e = this.expr(arg);
    const t: CType | undefined = e.t === 'ptr:upid' || e.t === 'arr:upid' ? 'val:upid' : e.t === 'ptr:pidmap' || e.t === 'arr:pidmap' ? 'val:pidmap' : undefined;
    if (t === undefined) throw new Refusal(node, `cannot dereference ${arg.text} here`);
    return { t, get: e.get };
  }

  private lvalue(node: SyntaxNode): Expr & { set: Setter } {
    const e = this.expr(node);
    if (e.set === undefined) throw new Refusal(node, `${node.text} cannot be assigned`);
    return e as Expr & { set: Setter };
  }

  private update(node: SyntaxNode): Expr {
    const target = this.lvalue(node.childForFieldName('argument') as SyntaxNode);
    const op = node.childForFieldName('operator')?.text ?? '';
    const prefix = node.child(0)?.text === op;
    const delta = op === '++' ? 1 : -1;
    const { get, set } = target;
    if (prefix) {
      return {
        t: target.t, get: (f) => {
          const v = get(f) + delta;
          set(f, v);
          return v;
        },
      };
    }
    return {
      t: target.t, get: (f) => {
        const v = get(f);
        set(f, v + delta);
        return v;
      },
    };
  }

  private binary(node: SyntaxNode): Expr {
    const op = node.childForFieldName('operator')?.text ?? '';
    const left = this.expr(node.childForFieldName('left') as SyntaxNode);
    const right = this.expr(node.childForFieldName('right') as SyntaxNode);
    const a = left.get;
    const b = right.get;
    if (op === '&&') return { t: 'int', get: (f) => (a(f) !== 0 && b(f) !== 0 ? 1 : 0) };
    if (op === '||') return { t: 'int', get: (f) => (a(f) !== 0 || b(f) !== 0 ? 1 : 0) };
    const fn = INT_OPS[op];
    if (fn === undefined) throw new Refusal(node, `unsupported operator ${op}`);
    if ((op === '+' || op === '-') && isPointer(left.t) && right.t === 'int') {
      const t = decay(left.t);
      return op === '+' ? { t, get: (f) => a(f) + b(f) } : { t, get: (f) => a(f) - b(f) };
    }
    if (op === '+' && left.t === 'int' && isPointer(right.t)) return { t: decay(right.t), get: (f) => a(f) + b(f) };
    if (op === '-' && isPointer(left.t) && isPointer(right.t)) return { t: 'int', get: (f) => a(f) - b(f) };
    // Pointer comparisons compare the encoded addresses, which keep the order within an array.
    return { t: 'int', get: specialised(op, a, b) ?? ((f) => fn(a(f), b(f))) };
  }

  private assignment(node: SyntaxNode): Expr {
    const target = this.lvalue(node.childForFieldName('left') as SyntaxNode);
    const value = this.expr(node.childForFieldName('right') as SyntaxNode).get;
    const op = node.childForFieldName('operator')?.text ?? '=';
    const { get, set } = target;
    if (op === '=') {
      return {
        t: target.t, get: (f) => {
          const v = value(f);
          set(f, v);
          return v;
        },
      };
    }
    const binary = op.slice(0, -1);
    const fn = isPointer(target.t) && (binary === '+' || binary === '-') ? (binary === '+' ? (x: number, y: number) => x + y : (x: number, y: number) => x - y) : INT_OPS[binary];
    if (fn === undefined) throw new Refusal(node, `unsupported operator ${op}`);
    return {
      t: target.t, get: (f) => {
        const v = fn(get(f), value(f));
        set(f, v);
        return v;
      },
    };
  }

  private call(node: SyntaxNode): Expr {
    const callee = node.childForFieldName('function') as SyntaxNode;
    const argNodes = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
    if (callee.type !== 'identifier') throw new Refusal(callee, `unsupported call through ${callee.text}`);
    const name = callee.text;
    if (name === '__kpr_s' || name === '__kpr_e') return this.placeholder(node, argNodes);
    const args = argNodes.map((a) => this.expr(a));
    const builtin = builtinNamed(name);
    if (builtin !== undefined) {
      if (builtin.arity >= 0 && builtin.arity !== args.length) {
        throw new Refusal(node, `${name} takes ${builtin.arity} argument${builtin.arity === 1 ? '' : 's'}, given ${args.length}`);
      }
      return { t: builtin.ret, get: builtin.make(this.rt, args.map((a) => a.get), args.map((a) => a.t)) };
    }
    const target = this.callees.resolve(name);
    if (target === undefined) throw new Refusal(callee, `unknown function ${name}: neither the patch nor the model defines it`);
    const call = target.call;
    const getters = args.map((a) => a.get);
    if (getters.length === 1) {
      const [a0] = getters;
      return { t: target.ret, get: (f) => call([a0(f)]) };
    }
    return { t: target.ret, get: (f) => call(getters.map((g) => g(f))) };
  }

  private placeholder(node: SyntaxNode, args: readonly SyntaxNode[]): Expr {
    const index = args.length === 1 ? parseNumber(args[0].text) : undefined;
    const closure = index !== undefined ? this.skeleton?.closures[index] : undefined;
    if (closure === undefined) throw new Refusal(node, `unknown function ${node.childForFieldName('function')?.text}: neither the patch nor the model defines it`);
    const context: ModelContext = {
      slot: (name) => this.target.slotOfLocal.get(name) ?? this.declare(name, 'int'),
      rt: this.rt,
      call: (name) => {
        const target = this.callees.resolve(name);
        if (target === undefined) throw new Refusal(node, `the model calls ${name}, which this variant does not have`);
        return target.call;
      },
    };
    return { t: 'int', get: closure(context) };
  }

  private field(node: SyntaxNode): Expr {
    const base = this.expr(node.childForFieldName('argument') as SyntaxNode);
    const name = node.childForFieldName('field')?.text ?? '';
    const arrow = node.children.some((c) => c !== null && c.type === '->');
    const struct = structOf(base.t, arrow);
    if (struct === undefined) throw new Refusal(node, `${node.childForFieldName('argument')?.text} has no field ${name} the model knows`);
    const member = this.member(struct, name, base.get);
    if (member === undefined) throw new Refusal(node.childForFieldName('field') ?? node, `struct ${struct} has no field ${name} the model keeps`);
    return member;
  }

  private member(struct: string, name: string, base: Getter): Expr | undefined {
    const rt = this.rt;
    switch (`${struct}.${name}`) {
      case 'pid_namespace.level':
        return { t: 'int', get: (f) => rt.ns(base(f)).level };
      case 'pid_namespace.parent':
        return { t: 'ptr:ns', get: (f) => (rt.ns(base(f)), base(f) - 1) };
      case 'pid_namespace.last_pid':
        return { t: 'int', get: (f) => rt.ns(base(f)).lastPid, set: (f, v) => rt.setLastPid(base(f), v) };
      case 'pid_namespace.pidmap':
        return { t: 'arr:pidmap', get: (f) => ((rt.ns(base(f)).level << 8) | 0) + 1 };
      case 'pid_namespace.pid_cachep':
        return { t: 'ptr:opaque', get: () => 0 };
      case 'pidmap.page':
        return {
          t: 'ptr:page', get: (f) => pageOf(rt, base(f)),
          set: (f, v) => {
            const map = base(f);
            rt.k.installPage(rt.mapNs(map), rt.mapEntry(map), v);
          },
        };
      case 'pidmap.nr_free':
        return { t: 'val:atomic', get: base };
      case 'pid.numbers':
        // An address computation: only reading or writing through it touches the object.
        return { t: 'arr:upid', get: (f) => base(f) * UPID_STRIDE };
      case 'pid.level':
        return { t: 'int', get: (f) => (rt.livePid(base(f)), rt.k.depth), set: (f) => void rt.livePid(base(f)) };
      case 'pid.count':
      case 'pid.tasks':
        return { t: 'val:opaque', get: (f) => rt.livePid(base(f)) };
      case 'pid.rcu':
        // &pid->rcu is what call_rcu receives: the struct pid itself, for the callback to free.
        return { t: 'val:opaque', get: base };
      case 'upid.nr':
        return { t: 'int', get: (f) => rt.pidNumber(base(f)), set: (f, v) => rt.setPidNumber(base(f), v) };
      case 'upid.ns':
        return {
          t: 'ptr:ns', get: (f) => (rt.livePid(rt.upidPid(base(f))), rt.upidLevel(base(f)) + 1),
          set: (f) => void rt.livePid(rt.upidPid(base(f))),
        };
      case 'upid.pid_chain':
        return { t: 'val:opaque', get: (f) => rt.livePid(rt.upidPid(base(f))) };
      default:
        return undefined;
    }
  }

  private subscript(node: SyntaxNode): Expr {
    const array = this.expr(node.childForFieldName('argument') as SyntaxNode);
    const index = this.expr(node.childForFieldName('index') as SyntaxNode).get;
    const a = array.get;
    if (array.t === 'arr:upid' || array.t === 'ptr:upid') return { t: 'val:upid', get: (f) => a(f) + index(f) };
    if (array.t === 'arr:pidmap' || array.t === 'ptr:pidmap') return { t: 'val:pidmap', get: (f) => a(f) + index(f) };
    throw new Refusal(node, `cannot index ${node.childForFieldName('argument')?.text}`);
  }
}

/** The common operators as one closure each (no second indirection through INT_OPS). */
function specialised(op: string, a: Getter, b: Getter): Getter | undefined {
  switch (op) {
    case '<':
      return (f) => (a(f) < b(f) ? 1 : 0);
    case '<=':
      return (f) => (a(f) <= b(f) ? 1 : 0);
    case '>':
      return (f) => (a(f) > b(f) ? 1 : 0);
    case '>=':
      return (f) => (a(f) >= b(f) ? 1 : 0);
    case '==':
      return (f) => (a(f) === b(f) ? 1 : 0);
    case '!=':
      return (f) => (a(f) !== b(f) ? 1 : 0);
    case '&':
      return (f) => a(f) & b(f);
    case '+':
      return (f) => (a(f) + b(f)) | 0;
    case '-':
      return (f) => (a(f) - b(f)) | 0;
    default:
      return undefined;
  }
}

function decay(t: CType): CType {
  return t === 'arr:upid' ? 'ptr:upid' : t === 'arr:pidmap' ? 'ptr:pidmap' : t;
}

function structOf(t: CType, arrow: boolean): string | undefined {
  const STRUCTS: Record<string, string> = { ns: 'pid_namespace', pid: 'pid', pidmap: 'pidmap', upid: 'upid' };
  const [kind, what] = t.split(':');
  if (arrow ? kind !== 'ptr' && kind !== 'arr' : kind !== 'val') return undefined;
  return STRUCTS[what];
}

function parseNumber(text: string): number | undefined {
  // tree-sitter-c reads a leading sign into the literal (`-1`).
  const sign = text.startsWith('-') ? -1 : 1;
  const clean = text.replace(/^[-+]\s*/, '').replace(/[uUlL]+$/, '');
  let value: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(clean)) value = parseInt(clean.slice(2), 16);
  else if (/^0[0-7]*$/.test(clean)) value = parseInt(clean, 8);
  else if (/^[1-9][0-9]*$/.test(clean)) value = parseInt(clean, 10);
  else return undefined;
  return Number.isSafeInteger(value) ? sign * value : undefined;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
