// Compiles one function's tree-sitter tree to a statement tree (ir.ts: C's if, loops, gotos and
// returns) whose expressions are JavaScript source over the frame's numbered slots; codegen.ts
// turns it into one generated JavaScript function, so running it is plain JavaScript with no tree
// walk, no closure per node and no name lookups. Every statement carries
// the site it reports to the tracer (sites.ts). Whatever cannot be compiled is reported as a
// Problem at the patch's document position; nothing runs from a function with a problem.
import type { FunctionText, SyntaxNode } from '../c';
import { statementById } from '../kernel/statements';
import { builtinNamed, globalNamed } from './builtins';
import type { CompiledFunction } from './codegen';
import { local, lower, newLabel, type Label, type Stmt } from './ir';
import type { Problem } from './problems';
import { UPID_STRIDE } from './runtime';
import { noop, type ModelContext, type Skeleton } from './skeletons';
import { SiteFinder, type SiteRef } from './sites';
import { ctypeOf, isPointer, type CType } from './types';

/**
 * An expression: its static type, its JavaScript (a number), optionally the same as a JavaScript
 * boolean (`test`, to branch on without `? 1 : 0`), and for an lvalue how to assign it (`set`
 * gives an expression that stores v and evaluates to it, like C's assignment).
 */
interface Expr {
  readonly t: CType;
  readonly code: string;
  readonly test?: string;
  readonly set?: (v: string) => string;
}

/** What a function body can call besides the builtins: the program's functions, the model's. */
export interface Callees {
  /**
   * A callee by name, or undefined when neither the patch nor the model defines it. `code` makes
   * the call's JavaScript from its arguments' code (registering what it needs through `konst`).
   */
  resolve(name: string): Callee | undefined;
}

export interface Callee {
  readonly ret: CType;
  /** Number of parameters (calls with another count are refused). */
  readonly arity: number;
  code(args: readonly string[], konst: (value: unknown) => string): string;
}

const LOOP_PART = /for-(init|cond|inc|dec)$/;

class Refusal {
  constructor(readonly node: SyntaxNode, readonly message: string) {}
}

const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const INT_OPS = new Set(['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^']);

function truth(e: Expr): string {
  return e.test ?? `(${e.code}) !== 0`;
}

function number(code: string, t: CType = 'int'): Expr {
  return { t, code };
}

/** The C integer operation `a op b` on int32 values, as JavaScript. */
function intOp(op: string, a: string, b: string): string {
  switch (op) {
    case '+':
    case '-':
      return `((${a} ${op} ${b}) | 0)`;
    case '*':
      return `Math.imul(${a}, ${b})`;
    case '/':
      return `idiv(${a}, ${b})`;
    case '%':
      return `imod(${a}, ${b})`;
    case '==':
      return `(${a} === ${b} ? 1 : 0)`;
    case '!=':
      return `(${a} !== ${b} ? 1 : 0)`;
    default:
      return COMPARISONS.has(op) ? `(${a} ${op} ${b} ? 1 : 0)` : `(${a} ${op} ${b})`;
  }
}

export class FunctionCompiler {
  /** The statement list being filled (a block's, while compiling it). */
  private out: Stmt[] = [];
  private readonly labels = new Map<string, Label>();
  /** How many loops enclose the statement being compiled (break and continue need one). */
  private loopDepth = 0;
  private readonly types = new Map<string, CType>();
  private readonly sites: SiteFinder;
  readonly problems: Problem[] = [];

  constructor(
    private readonly target: CompiledFunction,
    private readonly text: FunctionText,
    private readonly skeleton: Skeleton | undefined,
    private readonly callees: Callees,
  ) {
    this.sites = new SiteFinder(text);
  }

  /** The signature: parameters, their types and the return type (before any body, so calls see them). */
  compileHead(definition: SyntaxNode): boolean {
    try {
      this.declareSkeletonLocals();
      this.head(definition);
      this.target.site = this.sites.functionSite(this.target.name, definition);
      return true;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.refuse(error.node, error.message);
      return false;
    }
  }

  compileBody(definition: SyntaxNode): void {
    try {
      const body = definition.childForFieldName('body');
      if (body === null) throw new Refusal(definition, 'a function definition without a body');
      this.statement(body);
      // A void function's closing brace is a step of the model's (`free_pidmap/end`).
      const end = `${this.target.name}/end`;
      this.out.push({ kind: 'ret', code: null, site: statementById(end) ? this.sites.modelSite(end) : undefined });
      for (const label of this.labels.values()) {
        if (!label.defined) throw new Refusal(label.node ?? definition, `goto ${label.name}: no label ${label.name} in ${this.target.name}`);
      }
      this.target.tree = this.out;
      this.target.ops = lower(this.out);
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
    const slot = this.target.declare(name, t);
    this.types.set(name, t);
    return slot;
  }

  private head(definition: SyntaxNode): void {
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
    for (const param of params?.namedChildren ?? []) {
      if (param === null || param.type === 'comment') continue;
      if (param.type !== 'parameter_declaration') throw new Refusal(param, `unsupported parameter: ${param.text}`);
      if (param.text === 'void') continue;
      const { name, stars: pStars } = this.declaratorName(param.childForFieldName('declarator'), param);
      this.target.params.push(this.declare(name, this.typeOf(param, pStars)));
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
        if (e) this.out.push({ kind: 'eval', code: this.expr(e).code, site: this.site(node) });
        return;
      }
      case 'if_statement':
        this.ifStatement(node);
        return;
      case 'for_statement':
        this.forStatement(node);
        return;
      case 'while_statement': {
        const condition = node.childForFieldName('condition');
        const test = this.condition(condition);
        const site = this.site(node, this.sites.head(node, condition));
        this.out.push({ kind: 'for', test, site, body: this.loopBody(node.childForFieldName('body')), update: null });
        return;
      }
      case 'do_statement': {
        const doSite = this.site(node, this.sites.keyword(node, 'do'));
        if (doSite !== undefined) this.out.push({ kind: 'eval', code: '0', site: doSite });
        const body = this.loopBody(node.childForFieldName('body'));
        const condition = node.childForFieldName('condition');
        const whileSite = condition ? this.site(condition, this.sites.whileOf(node, condition)) : undefined;
        this.out.push({ kind: 'do', body, test: this.condition(condition), site: whileSite });
        return;
      }
      case 'return_statement': {
        const value = node.namedChildren.find((c) => c !== null && c.type !== 'comment');
        this.out.push({ kind: 'ret', code: value ? this.expr(value).code : null, site: this.site(node) });
        return;
      }
      case 'break_statement':
      case 'continue_statement': {
        const kind = node.type === 'break_statement' ? 'break' : 'continue';
        if (this.loopDepth === 0) throw new Refusal(node, `${kind} outside a loop`);
        this.out.push({ kind, site: this.site(node) });
        return;
      }
      case 'goto_statement': {
        const labelNode = node.childForFieldName('label');
        const name = labelNode?.text ?? '';
        this.out.push({ kind: 'goto', label: this.label(name, node), site: this.site(node) });
        return;
      }
      case 'labeled_statement': {
        const name = node.childForFieldName('label')?.text ?? '';
        const label = this.label(name, node);
        if (label.defined) throw new Refusal(node, `label ${name} defined twice`);
        label.defined = true;
        this.out.push({ kind: 'label', label });
        const labelSite = this.site(node, this.sites.labelSpan(node));
        if (labelSite !== undefined) this.out.push({ kind: 'eval', code: '0', site: labelSite });
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

  /** The site of a plain statement (not a loop header's part) at node, spanning `span` (default: node's first line). */
  private site(node: SyntaxNode, span?: { start: SyntaxNode; end: SyntaxNode }): SiteRef | undefined {
    return this.sites.statement(node, this.text.statementIdsAt(node.startPosition.row).find((id) => !LOOP_PART.test(id)), span);
  }

  /** The site of one part of a for loop's header. */
  private loopSite(header: SyntaxNode, part: SyntaxNode | null, which: RegExp): SiteRef | undefined {
    const id = this.text.statementIdsAt(header.startPosition.row).find((i) => LOOP_PART.test(i) && which.test(i));
    // A part the header leaves out (`for ( ; i >= 0; i--)`) is still the model's step when it has one.
    if (part === null) return id === undefined ? undefined : this.sites.statement(header, id, this.sites.keyword(header, 'for'));
    return this.sites.statement(part, id);
  }

  private label(name: string, node: SyntaxNode): Label {
    let label = this.labels.get(name);
    if (label === undefined) {
      label = newLabel(name, node);
      this.labels.set(name, label);
    }
    return label;
  }

  /** The statements compiled from node (none for null), as a block of their own. */
  private block(node: SyntaxNode | null | undefined): Stmt[] {
    const outer = this.out;
    const inner: Stmt[] = [];
    this.out = inner;
    try {
      if (node) this.statement(node);
    } finally {
      this.out = outer;
    }
    return inner;
  }

  private loopBody(body: SyntaxNode | null): Stmt[] {
    this.loopDepth++;
    try {
      return this.block(body);
    } finally {
      this.loopDepth--;
    }
  }

  private condition(node: SyntaxNode | null): string {
    if (node === null) return 'true';
    return truth(this.expr(node.type === 'parenthesized_expression' ? this.only(node) : node));
  }

  private ifStatement(node: SyntaxNode): void {
    const condition = node.childForFieldName('condition');
    const test = this.condition(condition);
    const site = this.site(node, this.sites.head(node, condition));
    const then = this.block(node.childForFieldName('consequence'));
    const alternative = node.childForFieldName('alternative');
    const inner = alternative?.type === 'else_clause' ? alternative.namedChildren.find((c) => c !== null && c.type !== 'comment') : alternative;
    this.out.push({ kind: 'if', test, site, then, otherwise: alternative === null ? null : this.block(inner) });
  }

  private forStatement(node: SyntaxNode): void {
    const init = node.childForFieldName('initializer');
    const initSite = this.loopSite(node, init, /init$/);
    if (init !== null) {
      if (init.type === 'declaration') this.declaration(init, initSite);
      else this.out.push({ kind: 'eval', code: this.expr(init).code, site: initSite });
    } else if (initSite !== undefined) {
      this.out.push({ kind: 'eval', code: '0', site: initSite });
    }
    const condition = node.childForFieldName('condition');
    const site = this.loopSite(node, condition, /cond$/);
    const test = condition !== null ? this.condition(condition) : null;
    const body = this.loopBody(node.childForFieldName('body'));
    const step = node.childForFieldName('update');
    const update = step !== null ? { code: this.expr(step).code, site: this.loopSite(node, step, /(inc|dec)$/) } : null;
    this.out.push({ kind: 'for', test, site, body, update });
  }

  private declaration(node: SyntaxNode, site: SiteRef | undefined = this.site(node)): void {
    let stepped = false;
    for (const declarator of node.childrenForFieldName('declarator')) {
      if (declarator === null) continue;
      const init = declarator.type === 'init_declarator' ? declarator : null;
      const { name, stars } = this.declaratorName(init ? init.childForFieldName('declarator') : declarator, node);
      const slot = this.declare(name, this.typeOf(node, stars));
      const value = init?.childForFieldName('value');
      if (value) {
        this.out.push({ kind: 'eval', code: `${local(slot)} = ${this.expr(value).code}`, site: stepped ? undefined : site });
        stepped = true;
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
        return number('1');
      case 'false':
        return number('0');
      case 'null':
        return number('0', 'ptr:void');
      case 'number_literal': {
        const value = parseNumber(node.text);
        if (value === undefined) throw new Refusal(node, `unsupported number: ${node.text}`);
        return number(value < 0 ? `(${value})` : String(value));
      }
      case 'char_literal': {
        const ch = node.text.slice(1, -1);
        if (ch.length !== 1) throw new Refusal(node, `unsupported character constant: ${node.text}`);
        return number(String(ch.charCodeAt(0)));
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
        const c = this.expr(node.childForFieldName('condition') as SyntaxNode);
        const a = this.expr(node.childForFieldName('consequence') as SyntaxNode);
        const b = this.expr(node.childForFieldName('alternative') as SyntaxNode);
        return { t: a.t === 'ptr:void' ? b.t : a.t, code: `(${truth(c)} ? ${a.code} : ${b.code})` };
      }
      case 'comma_expression': {
        const a = this.expr(node.childForFieldName('left') as SyntaxNode);
        const b = this.expr(node.childForFieldName('right') as SyntaxNode);
        return { t: b.t, code: `(${a.code}, ${b.code})` };
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
        return { t: t === 'int' ? 'int' : value.t === 'int' || value.t === 'ptr:void' ? t : value.t, code: value.code, test: value.test };
      }
      case 'sizeof_expression': {
        const text = (node.childForFieldName('type') ?? node.childForFieldName('value'))?.text ?? '';
        const size = /\*/.test(text) ? 8 : /\b(long|size_t)\b/.test(text) ? 8 : /\bchar\b/.test(text) ? 1 : /\bint\b/.test(text) ? 4 : undefined;
        if (size === undefined) throw new Refusal(node, `unsupported sizeof: ${node.text} (the model has no layout for it)`);
        return number(String(size));
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
    const slot = this.target.slotOf(name);
    if (slot !== undefined) {
      return { t: this.types.get(name) ?? 'int', code: local(slot), set: (v) => `(${local(slot)} = ${v})` };
    }
    const global = globalNamed(name);
    if (global !== undefined) return { t: global.t, code: global.code };
    throw new Refusal(node, `unknown identifier ${name}: neither the patch nor the model defines it`);
  }

  private unary(node: SyntaxNode): Expr {
    const op = node.childForFieldName('operator')?.text ?? node.child(0)?.text;
    const a = this.expr(node.childForFieldName('argument') as SyntaxNode);
    switch (op) {
      case '!': {
        const test = a.test !== undefined ? `!(${a.test})` : `(${a.code}) === 0`;
        return { t: 'int', code: `(${test} ? 1 : 0)`, test };
      }
      case '-':
        return number(`(-(${a.code}) | 0)`);
      case '+':
        return number(a.code);
      case '~':
        return number(`(~(${a.code}))`);
      default:
        throw new Refusal(node, `unsupported operator ${op}`);
    }
  }

  private pointerExpression(node: SyntaxNode): Expr {
    const op = node.childForFieldName('operator')?.text ?? node.child(0)?.text;
    const arg = node.childForFieldName('argument') as SyntaxNode;
    if (op === '&') {
      if (arg.type === 'identifier' && this.target.slotOf(arg.text) !== undefined) return number('0', 'ptr:opaque');
      const e = this.expr(arg);
      const t: CType | undefined =
        e.t === 'val:upid' ? 'ptr:upid' : e.t === 'val:pidmap' ? 'ptr:pidmap' : e.t === 'val:atomic' ? 'ptr:atomic'
        : e.t === 'val:opaque' ? (arg.text === 'init_struct_pid' ? 'ptr:pid' : 'ptr:opaque') : undefined;
      if (t === undefined) throw new Refusal(node, `cannot take the address of ${arg.text}`);
      return { t, code: e.code };
    }
    const e = this.expr(arg);
    const t: CType | undefined = e.t === 'ptr:upid' || e.t === 'arr:upid' ? 'val:upid' : e.t === 'ptr:pidmap' || e.t === 'arr:pidmap' ? 'val:pidmap' : undefined;
    if (t === undefined) throw new Refusal(node, `cannot dereference ${arg.text} here`);
    return { t, code: e.code };
  }

  private lvalue(node: SyntaxNode): Expr & { set: (v: string) => string } {
    const e = this.expr(node);
    if (e.set === undefined) throw new Refusal(node, `${node.text} cannot be assigned`);
    return e as Expr & { set: (v: string) => string };
  }

  private update(node: SyntaxNode): Expr {
    const target = this.lvalue(node.childForFieldName('argument') as SyntaxNode);
    const op = node.childForFieldName('operator')?.text ?? '';
    const prefix = node.child(0)?.text === op;
    const sign = op === '++' ? '+' : '-';
    const stored = target.set(`${target.code} ${sign} 1`);
    // Postfix gives the value before: the stored value minus the step.
    return { t: target.t, code: prefix ? stored : `(${stored} ${sign === '+' ? '-' : '+'} 1)` };
  }

  private binary(node: SyntaxNode): Expr {
    const op = node.childForFieldName('operator')?.text ?? '';
    const left = this.expr(node.childForFieldName('left') as SyntaxNode);
    const right = this.expr(node.childForFieldName('right') as SyntaxNode);
    const a = left.code;
    const b = right.code;
    if (op === '&&' || op === '||') {
      const test = `(${truth(left)} ${op} ${truth(right)})`;
      return { t: 'int', code: `(${test} ? 1 : 0)`, test };
    }
    if (!INT_OPS.has(op) && !COMPARISONS.has(op)) throw new Refusal(node, `unsupported operator ${op}`);
    if ((op === '+' || op === '-') && isPointer(left.t) && right.t === 'int') return { t: decay(left.t), code: `(${a} ${op} ${b})` };
    if (op === '+' && left.t === 'int' && isPointer(right.t)) return { t: decay(right.t), code: `(${a} + ${b})` };
    if (op === '-' && isPointer(left.t) && isPointer(right.t)) return number(`(${a} - ${b})`);
    // Pointer comparisons compare the encoded addresses, which keep the order within an array.
    if (COMPARISONS.has(op)) {
      const test = `${a} ${op === '==' ? '===' : op === '!=' ? '!==' : op} ${b}`;
      return { t: 'int', code: `(${test} ? 1 : 0)`, test: `(${test})` };
    }
    return number(intOp(op, a, b));
  }

  private assignment(node: SyntaxNode): Expr {
    const target = this.lvalue(node.childForFieldName('left') as SyntaxNode);
    const value = this.expr(node.childForFieldName('right') as SyntaxNode).code;
    const op = node.childForFieldName('operator')?.text ?? '=';
    if (op === '=') return { t: target.t, code: target.set(value) };
    const binary = op.slice(0, -1);
    if (!INT_OPS.has(binary)) throw new Refusal(node, `unsupported operator ${op}`);
    const combined = isPointer(target.t) && (binary === '+' || binary === '-') ? `(${target.code} ${binary} ${value})` : intOp(binary, target.code, value);
    return { t: target.t, code: target.set(combined) };
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
      return { t: builtin.ret, code: builtin.code(args.map((a) => a.code), args.map((a) => a.t)) };
    }
    const target = this.callees.resolve(name);
    if (target === undefined) throw new Refusal(callee, `unknown function ${name}: neither the patch nor the model defines it`);
    if (target.arity !== args.length) throw new Refusal(node, `${name} takes ${target.arity} argument${target.arity === 1 ? '' : 's'}, given ${args.length}`);
    return { t: target.ret, code: target.code(args.map((a) => a.code), (v) => this.target.konst(v)) };
  }

  private placeholder(node: SyntaxNode, args: readonly SyntaxNode[]): Expr {
    const index = args.length === 1 ? parseNumber(args[0].text) : undefined;
    const template = index !== undefined ? this.skeleton?.templates[index] : undefined;
    if (template === undefined) throw new Refusal(node, `unknown function ${node.childForFieldName('function')?.text}: neither the patch nor the model defines it`);
    // Nothing to run: the statement is only a step (codegen.ts emits no call for '0').
    if (template === noop) return number('0');
    const context: ModelContext = {
      local: (name) => local(this.target.slotOf(name) ?? this.declare(name, 'int')),
      call: (name, callArgs) => {
        const target = this.callees.resolve(name);
        if (target === undefined) throw new Refusal(node, `the model calls ${name}, which this variant does not have`);
        return target.code(callArgs, (v) => this.target.konst(v));
      },
    };
    return number(`(${template(context)})`);
  }

  private field(node: SyntaxNode): Expr {
    const base = this.expr(node.childForFieldName('argument') as SyntaxNode);
    const name = node.childForFieldName('field')?.text ?? '';
    const arrow = node.children.some((c) => c !== null && c.type === '->');
    const struct = structOf(base.t, arrow);
    if (struct === undefined) throw new Refusal(node, `${node.childForFieldName('argument')?.text} has no field ${name} the model knows`);
    const member = member_(struct, name, base.code);
    if (member === undefined) throw new Refusal(node.childForFieldName('field') ?? node, `struct ${struct} has no field ${name} the model keeps`);
    return member;
  }

  private subscript(node: SyntaxNode): Expr {
    const array = this.expr(node.childForFieldName('argument') as SyntaxNode);
    const index = this.expr(node.childForFieldName('index') as SyntaxNode).code;
    if (array.t === 'arr:upid' || array.t === 'ptr:upid') return { t: 'val:upid', code: `(${array.code} + ${index})` };
    if (array.t === 'arr:pidmap' || array.t === 'ptr:pidmap') return { t: 'val:pidmap', code: `(${array.code} + ${index})` };
    throw new Refusal(node, `cannot index ${node.childForFieldName('argument')?.text}`);
  }
}

/** A member of one of the model's structs, read (and written) through the runtime. */
function member_(struct: string, name: string, b: string): Expr | undefined {
  switch (`${struct}.${name}`) {
    case 'pid_namespace.level':
      return { t: 'int', code: `rt.nsLevel(${b})` };
    case 'pid_namespace.parent':
      return { t: 'ptr:ns', code: `rt.nsParent(${b})` };
    case 'pid_namespace.last_pid':
      return { t: 'int', code: `rt.nsLastPid(${b})`, set: (v) => `rt.setLastPid(${b}, ${v})` };
    case 'pid_namespace.pidmap':
      return { t: 'arr:pidmap', code: `((rt.nsLevel(${b}) << 8) + 1)` };
    case 'pid_namespace.pid_cachep':
      return { t: 'ptr:opaque', code: '0' };
    case 'pidmap.page':
      return { t: 'ptr:page', code: `rt.mapPage(${b})`, set: (v) => `rt.setMapPage(${b}, ${v})` };
    case 'pidmap.nr_free':
      return { t: 'val:atomic', code: b };
    case 'pid.numbers':
      // An address computation: only reading or writing through it touches the object.
      return { t: 'arr:upid', code: `(${b} * ${UPID_STRIDE})` };
    case 'pid.level':
      return { t: 'int', code: `rt.pidLevel(${b})`, set: (v) => `(rt.livePid(${b}), ${v})` };
    case 'pid.count':
    case 'pid.tasks':
      return { t: 'val:opaque', code: `rt.livePid(${b})` };
    case 'pid.rcu':
      // &pid->rcu is what call_rcu receives: the struct pid itself, for the callback to free.
      return { t: 'val:opaque', code: b };
    case 'upid.nr':
      return { t: 'int', code: `rt.pidNumber(${b})`, set: (v) => `rt.setPidNumber(${b}, ${v})` };
    case 'upid.ns':
      return { t: 'ptr:ns', code: `rt.upidNs(${b})`, set: (v) => `(rt.upidNs(${b}), ${v})` };
    case 'upid.pid_chain':
      return { t: 'val:opaque', code: `rt.livePid(rt.upidPid(${b}))` };
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
