// A small precedence-climbing parser for C expressions over a token slice, and a printer that
// turns the tree back into compact C. Depth is capped, so hostile nesting yields a `raw` node
// instead of a stack overflow; parsing never throws to its caller.
import type { CToken } from './c-tokens';

export type Expr =
  | { readonly type: 'ident'; readonly name: string }
  | { readonly type: 'literal'; readonly text: string }
  | { readonly type: 'unary'; readonly op: string; readonly operand: Expr }
  | { readonly type: 'postfix'; readonly op: string; readonly operand: Expr }
  | { readonly type: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly type: 'assign'; readonly op: string; readonly target: Expr; readonly value: Expr }
  | { readonly type: 'ternary'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr }
  | { readonly type: 'call'; readonly callee: Expr; readonly args: readonly Expr[] }
  | { readonly type: 'member'; readonly object: Expr; readonly op: string; readonly name: string }
  | { readonly type: 'index'; readonly object: Expr; readonly index: Expr }
  | { readonly type: 'cast'; readonly typeName: string; readonly operand: Expr }
  | { readonly type: 'paren'; readonly inner: Expr }
  | { readonly type: 'raw'; readonly text: string };

export interface ParsedExpression {
  readonly expr: Expr;
  /** Index of the first token not consumed. */
  readonly next: number;
  /** False when the tokens did not form one complete expression. */
  readonly complete: boolean;
}

const MAX_DEPTH = 64;

const BINARY_PRECEDENCE: ReadonlyMap<string, number> = new Map([
  ['||', 4], ['&&', 5], ['|', 6], ['^', 7], ['&', 8],
  ['==', 9], ['!=', 9], ['<', 10], ['>', 10], ['<=', 10], ['>=', 10],
  ['<<', 11], ['>>', 11], ['+', 12], ['-', 12], ['*', 13], ['/', 13], ['%', 13],
]);
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']);
const PREFIX_OPS = new Set(['!', '~', '-', '+', '*', '&', '++', '--']);
const TYPE_WORDS = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', 'const',
  'volatile', 'struct', 'union', 'enum', '_Bool', 'bool',
]);

class TooDeep extends Error {}

class Parser {
  private depth = 0;
  constructor(
    private readonly tokens: readonly CToken[],
    public pos: number,
    private readonly end: number,
  ) {}

  private peek(offset = 0): CToken | undefined {
    const i = this.pos + offset;
    return i < this.end ? this.tokens[i] : undefined;
  }
  private isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.kind === 'punctuator' && t.text === text;
  }
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
  }

  /** Comma expression: the loosest level. */
  expression(): Expr {
    let left = this.assignment();
    while (this.isPunct(',')) {
      this.pos++;
      left = { type: 'binary', op: ',', left, right: this.assignment() };
    }
    return left;
  }

  assignment(): Expr {
    this.enter();
    try {
      const target = this.conditional();
      const t = this.peek();
      if (t && t.kind === 'punctuator' && ASSIGN_OPS.has(t.text)) {
        this.pos++;
        return { type: 'assign', op: t.text, target, value: this.assignment() };
      }
      return target;
    } finally {
      this.depth--;
    }
  }

  private conditional(): Expr {
    const test = this.binary(4);
    if (!this.isPunct('?')) return test;
    this.pos++;
    const then = this.expression();
    if (this.isPunct(':')) this.pos++;
    return { type: 'ternary', test, then, otherwise: this.assignment() };
  }

  private binary(minPrecedence: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const p = t && t.kind === 'punctuator' ? BINARY_PRECEDENCE.get(t.text) : undefined;
      if (t === undefined || p === undefined || p < minPrecedence) return left;
      this.pos++;
      this.enter();
      try {
        left = { type: 'binary', op: t.text, left, right: this.binary(p + 1) };
      } finally {
        this.depth--;
      }
    }
  }

  private unary(): Expr {
    this.enter();
    try {
      const t = this.peek();
      if (t && t.kind === 'punctuator' && PREFIX_OPS.has(t.text)) {
        this.pos++;
        return { type: 'unary', op: t.text, operand: this.unary() };
      }
      if (t && t.kind === 'identifier' && t.text === 'sizeof') {
        this.pos++;
        return { type: 'unary', op: 'sizeof ', operand: this.unary() };
      }
      if (t && this.isPunct('(') && this.looksLikeCast()) {
        const typeName = this.readCastType();
        return { type: 'cast', typeName, operand: this.unary() };
      }
      return this.postfix(this.primary());
    } finally {
      this.depth--;
    }
  }

  private looksLikeCast(): boolean {
    const next = this.peek(1);
    return next !== undefined && next.kind === 'identifier' && TYPE_WORDS.has(next.text);
  }

  private readCastType(): string {
    this.pos++; // (
    const words: string[] = [];
    for (let t = this.peek(); t !== undefined && !this.isPunct(')'); t = this.peek()) {
      words.push(t.text);
      this.pos++;
    }
    if (this.isPunct(')')) this.pos++;
    return words.join(' ');
  }

  private primary(): Expr {
    const t = this.peek();
    if (t === undefined) return { type: 'raw', text: '' };
    if (t.kind === 'identifier') {
      this.pos++;
      return { type: 'ident', name: t.text };
    }
    if (t.kind === 'number' || t.kind === 'string' || t.kind === 'char') {
      this.pos++;
      return { type: 'literal', text: t.text };
    }
    if (this.isPunct('(')) {
      this.pos++;
      const inner = this.expression();
      if (this.isPunct(')')) this.pos++;
      return { type: 'paren', inner };
    }
    // Something that cannot start an expression: consume it so the caller makes progress.
    this.pos++;
    return { type: 'raw', text: t.text };
  }

  private postfix(base: Expr): Expr {
    let e = base;
    for (;;) {
      const t = this.peek();
      if (!t || t.kind !== 'punctuator') return e;
      if (t.text === '(') {
        this.pos++;
        const args: Expr[] = [];
        while (this.peek() && !this.isPunct(')')) {
          const before = this.pos;
          args.push(this.assignment());
          if (this.isPunct(',')) this.pos++;
          else if (this.pos === before) this.pos++;
          else if (!this.isPunct(')')) break;
        }
        if (this.isPunct(')')) this.pos++;
        e = { type: 'call', callee: e, args };
      } else if (t.text === '[') {
        this.pos++;
        const index = this.expression();
        if (this.isPunct(']')) this.pos++;
        e = { type: 'index', object: e, index };
      } else if ((t.text === '->' || t.text === '.') && this.peek(1)?.kind === 'identifier') {
        e = { type: 'member', object: e, op: t.text, name: this.peek(1)!.text };
        this.pos += 2;
      } else if (t.text === '++' || t.text === '--') {
        this.pos++;
        e = { type: 'postfix', op: t.text, operand: e };
      } else {
        return e;
      }
    }
  }
}

/** Parses tokens[start, end) as one expression. */
export function parseExpression(tokens: readonly CToken[], start = 0, end = tokens.length): ParsedExpression {
  const parser = new Parser(tokens, start, end);
  try {
    const expr = parser.expression();
    return { expr, next: parser.pos, complete: parser.pos === end && !containsRaw(expr) };
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    const text = tokens.slice(start, end).map((t) => t.text).join(' ');
    return { expr: { type: 'raw', text }, next: end, complete: false };
  }
}

function containsRaw(e: Expr, budget = { left: 10_000 }): boolean {
  if (--budget.left < 0) return true;
  switch (e.type) {
    case 'raw': return true;
    case 'ident': case 'literal': return false;
    case 'unary': case 'postfix': case 'cast': return containsRaw(e.operand, budget);
    case 'binary': return containsRaw(e.left, budget) || containsRaw(e.right, budget);
    case 'assign': return containsRaw(e.target, budget) || containsRaw(e.value, budget);
    case 'ternary': return containsRaw(e.test, budget) || containsRaw(e.then, budget) || containsRaw(e.otherwise, budget);
    case 'call': return containsRaw(e.callee, budget) || e.args.some((a) => containsRaw(a, budget));
    case 'member': return containsRaw(e.object, budget);
    case 'index': return containsRaw(e.object, budget) || containsRaw(e.index, budget);
    case 'paren': return containsRaw(e.inner, budget);
  }
}

/** Lets the printer decorate identifiers (e.g. append a constant's value). */
export type IdentifierDecorator = (name: string, negated: boolean) => string | undefined;

/** Prints the expression as compact C. */
export function printExpr(e: Expr, decorate?: IdentifierDecorator): string {
  const p = (x: Expr): string => printExpr(x, decorate);
  switch (e.type) {
    case 'ident': return decorate?.(e.name, false) ?? e.name;
    case 'literal': case 'raw': return e.text;
    case 'unary':
      if (e.op === '-' && e.operand.type === 'ident') {
        const negated = decorate?.(e.operand.name, true);
        if (negated !== undefined) return negated;
      }
      return e.op + p(e.operand);
    case 'postfix': return p(e.operand) + e.op;
    case 'binary': return e.op === ',' ? `${p(e.left)}, ${p(e.right)}` : `${p(e.left)} ${e.op} ${p(e.right)}`;
    case 'assign': return `${p(e.target)} ${e.op} ${p(e.value)}`;
    case 'ternary': return `${p(e.test)} ? ${p(e.then)} : ${p(e.otherwise)}`;
    case 'call': return `${p(e.callee)}(${e.args.map(p).join(', ')})`;
    case 'member': return `${p(e.object)}${e.op}${e.name}`;
    case 'index': return `${p(e.object)}[${p(e.index)}]`;
    case 'cast': return `(${e.typeName})${p(e.operand)}`;
    case 'paren': return `(${p(e.inner)})`;
  }
}

/** The name of a called function when the callee is a plain identifier. */
export function calleeName(e: Expr): string | undefined {
  return e.type === 'call' && e.callee.type === 'ident' ? e.callee.name : undefined;
}
