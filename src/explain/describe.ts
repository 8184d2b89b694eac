// Turns expression trees into plain words: conditions ("next_nr is below RESERVED_PIDS (300)"),
// and values printed as C with each constant's value added the first time it appears.
import { calleeName, type Expr, printExpr } from './c-expression';
import { lookupIdentifier } from './knowledge';

const COMPARISON_WORDS: Readonly<Record<string, string>> = {
  '<': 'is below',
  '<=': 'is at most',
  '>': 'is above',
  '>=': 'is at least',
  '==': 'equals',
  '!=': 'differs from',
};
const INVERSE: Readonly<Record<string, string>> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' };
const AGAINST_ZERO: Readonly<Record<string, string>> = {
  '<': 'is negative',
  '<=': 'is zero or negative',
  '>': 'is positive',
  '>=': 'is zero or more',
  '==': 'is zero',
  '!=': 'is non-zero',
};
const AGAINST_NULL: Readonly<Record<string, string>> = { '==': 'is NULL', '!=': 'is not NULL' };

function isZero(e: Expr): boolean {
  return e.type === 'literal' && /^0+[uUlL]*$/.test(e.text);
}
function isNull(e: Expr): boolean {
  return e.type === 'ident' && e.name === 'NULL';
}
function stripParens(e: Expr): Expr {
  let x = e;
  while (x.type === 'paren') x = x.inner;
  return x;
}

/** Describes expressions of one line; remembers which constants already got their value. */
export class Describer {
  private readonly annotated = new Set<string>();

  constructor(private readonly functionName?: string) {}

  /** The expression as C, with constants and errnos followed by their value once. */
  value(e: Expr): string {
    return printExpr(e, (name, negated) => {
      if (this.annotated.has(name)) return undefined;
      const entry = lookupIdentifier(name, { functionName: this.functionName });
      if (!entry || entry.value === undefined || (entry.kind !== 'constant' && entry.kind !== 'errno') || name === 'NULL') {
        return undefined;
      }
      this.annotated.add(name);
      const shown = entry.radix === 16 ? `0x${entry.value.toString(16)}` : String(entry.value);
      return negated ? `-${name} (-${shown})` : `${name} (${shown})`;
    });
  }

  /** Words for "the condition e holds". */
  condition(e: Expr): string {
    const x = stripParens(e);
    switch (x.type) {
      case 'unary':
        if (x.op === '!') return this.negated(x.operand);
        break;
      case 'binary':
        if (x.op === '||' || x.op === '&&') {
          const joiner = x.op === '||' ? 'or' : 'and';
          return this.sharedSubject(x.left, x.right, joiner, false) ?? `${this.condition(x.left)} ${joiner} ${this.condition(x.right)}`;
        }
        if (x.op in COMPARISON_WORDS) return this.comparison(x.op, x.left, x.right);
        if (x.op === '&') return `${this.value(x.left)} has any bit of ${this.value(x.right)} set`;
        break;
      case 'call':
        return this.callCondition(x, true);
      case 'ident':
      case 'member':
      case 'index':
        return `${this.value(x)} is non-zero (not NULL)`;
      case 'assign':
        return `the value assigned by ${this.value(x)} is non-zero`;
    }
    return `${this.value(x)} is non-zero`;
  }

  /** Words for "the condition e does not hold". */
  negated(e: Expr): string {
    const x = stripParens(e);
    switch (x.type) {
      case 'unary':
        if (x.op === '!') return this.condition(x.operand);
        break;
      case 'binary':
        if (x.op === '||' || x.op === '&&') {
          const joiner = x.op === '||' ? 'and' : 'or';
          return this.sharedSubject(x.left, x.right, joiner, true) ?? `${this.negated(x.left)} ${joiner} ${this.negated(x.right)}`;
        }
        if (x.op in INVERSE) return this.comparison(INVERSE[x.op]!, x.left, x.right);
        if (x.op === '&') return `${this.value(x.left)} has no bit of ${this.value(x.right)} set`;
        break;
      case 'call':
        return this.callCondition(x, false);
      case 'ident':
      case 'member':
      case 'index':
        return `${this.value(x)} is NULL or zero`;
    }
    return `${this.value(x)} is zero`;
  }

  private comparison(op: string, left: Expr, right: Expr): string {
    return `${this.value(left)} ${this.predicate(op, right)}`;
  }

  /** "is below RESERVED_PIDS (300)": the comparison without its subject. */
  private predicate(op: string, right: Expr): string {
    if (isZero(right) && op in AGAINST_ZERO) return AGAINST_ZERO[op]!;
    if (isNull(right) && op in AGAINST_NULL) return AGAINST_NULL[op]!;
    return `${COMPARISON_WORDS[op] ?? op} ${this.value(right)}`;
  }

  /**
   * `n < A || n >= B` reads "n is below A or at least B": two comparisons of the same subject
   * joined by a logical operator name the subject once. Undefined when the shape differs.
   */
  private sharedSubject(left: Expr, right: Expr, joiner: string, negate: boolean): string | undefined {
    const l = stripParens(left);
    const r = stripParens(right);
    if (l.type !== 'binary' || r.type !== 'binary' || !(l.op in COMPARISON_WORDS) || !(r.op in COMPARISON_WORDS)) return undefined;
    if (printExpr(l.left) !== printExpr(r.left)) return undefined;
    const op = (o: string): string => (negate ? INVERSE[o]! : o);
    const subject = this.value(l.left);
    const first = this.predicate(op(l.op), l.right);
    const second = this.predicate(op(r.op), r.right);
    const bothIs = first.startsWith('is ') && second.startsWith('is ');
    return `${subject} ${first} ${joiner} ${bothIs ? second.slice(3) : second}`;
  }

  private callCondition(call: Extract<Expr, { type: 'call' }>, holds: boolean): string {
    const name = calleeName(call);
    const [arg] = call.args;
    if ((name === 'likely' || name === 'unlikely') && call.args.length === 1 && arg) {
      const inner = holds ? this.condition(arg) : this.negated(arg);
      return `${inner} (marked ${name}: ${name === 'likely' ? 'the expected case' : 'a rare case, such as an error'})`;
    }
    const template = name ? lookupIdentifier(name, { functionName: this.functionName })?.condition : undefined;
    if (template) {
      // `atomic_read(&map->nr_free)` reads "the counter map->nr_free": the & is how C passes it.
      const args = call.args.map((a) => this.value(a.type === 'unary' && a.op === '&' ? a.operand : a));
      const text = (d: number): string => (d === 0 ? printExpr(call) : (args[d - 1] ?? ''));
      return (holds ? template.whenTrue : template.whenFalse).replace(/\$(\d)/g, (_m, d: string) => text(Number(d)));
    }
    return `${this.value(call)} ${holds ? 'returns non-zero' : 'returns 0'}`;
  }
}
