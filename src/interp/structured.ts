// A statement tree (ir.ts) as structured JavaScript: C's if/while/for/do become JavaScript's, so
// V8 sees real loops and branches instead of a `switch (pc)` it re-enters at every jump. Gotos
// are the one thing JavaScript lacks: when every label stands at the top level of the function
// body (as the kernel writes its error paths), the top level is cut at the labels into the cases
// of one `switch (pc)` inside a loop, and a goto sets pc and re-enters it — the structured code
// between labels runs without dispatch. A label inside a block gives undefined: codegen.ts then
// runs the lowered operations as a state machine.
//
// The order of the steps is the lowering's (ir.ts): a loop's condition step before each test,
// `continue` in a for loop through its update, a do loop's `while` step before each test.
import { local, type Label, type Stmt } from './ir';
import { RET_SLOT } from './runtime';
import type { SiteRef } from './sites';

/**
 * The function body as JavaScript, or undefined when a label is not at the top level. `exit`
 * leaves the body (after a return has set the return local).
 */
export function structuredBody(stmts: readonly Stmt[], step: (site: SiteRef) => string, exit = 'return;'): string | undefined {
  if (stmts.some((s) => s.kind !== 'label' && nestedLabel(s))) return undefined;
  const targets = new Set<Label>();
  collectGotos(stmts, targets);
  // Cases by label (pc 0 is where a call starts); only labels some goto names cut the top level.
  const cases = new Map<Label, number>();
  for (const s of stmts) if (s.kind === 'label' && targets.has(s.label)) cases.set(s.label, cases.size + 1);
  const emitter = new Emitter(step, exit, cases);
  if (cases.size === 0) return emitter.block(stmts, []).concat(exit).join('\n');
  const lines: string[] = ['case 0:'];
  for (const s of stmts) {
    const at = s.kind === 'label' ? cases.get(s.label) : undefined;
    if (at !== undefined) lines.push(`case ${at}:`);
    else lines.push(...emitter.statement(s, []));
  }
  return `let pc = 0;\ndispatch: for (;;) {\nswitch (pc) {\n${lines.join('\n')}\n}\n${exit}\n}`;
}

function nestedLabel(s: Stmt): boolean {
  const inner = (list: readonly Stmt[]): boolean => list.some((c) => c.kind === 'label' || nestedLabel(c));
  switch (s.kind) {
    case 'if':
      return inner(s.then) || (s.otherwise !== null && inner(s.otherwise));
    case 'for':
    case 'do':
      return inner(s.body);
    default:
      return false;
  }
}

function collectGotos(list: readonly Stmt[], into: Set<Label>): void {
  for (const s of list) {
    if (s.kind === 'goto') into.add(s.label);
    else if (s.kind === 'if') {
      collectGotos(s.then, into);
      if (s.otherwise !== null) collectGotos(s.otherwise, into);
    } else if (s.kind === 'for' || s.kind === 'do') collectGotos(s.body, into);
  }
}

/** The JavaScript labels of an enclosing C loop: where break and continue go. */
interface Loop {
  readonly brk: string;
  readonly cont: string;
}

class Emitter {
  private loopCount = 0;

  constructor(
    private readonly step: (site: SiteRef) => string,
    private readonly exit: string,
    /** The case each goto target starts (all at the top level, checked before emitting). */
    private readonly cases: ReadonlyMap<Label, number>,
  ) {}

  block(list: readonly Stmt[], loops: readonly Loop[]): string[] {
    return list.flatMap((s) => this.statement(s, loops));
  }

  statement(s: Stmt, loops: readonly Loop[]): string[] {
    const lines: string[] = [];
    // A loop's step is its condition's, taken inside the loop at each test.
    if (s.kind !== 'label' && s.kind !== 'for' && s.kind !== 'do' && s.site !== undefined) lines.push(this.step(s.site));
    switch (s.kind) {
      case 'eval':
        if (s.code !== '0') lines.push(`${s.code};`);
        break;
      case 'ret':
        lines.push(s.code === null ? this.exit : `${local(RET_SLOT)} = ${s.code}; ${this.exit}`);
        break;
      case 'if':
        lines.push(`if (${s.test}) {`, ...this.block(s.then, loops));
        if (s.otherwise !== null && s.otherwise.length > 0) lines.push('} else {', ...this.block(s.otherwise, loops));
        lines.push('}');
        break;
      case 'for': {
        const name = `L${this.loopCount++}`;
        lines.push(`${name}: for (;;) {`);
        if (s.site !== undefined) lines.push(this.step(s.site));
        if (s.test !== null) lines.push(`if (!(${s.test})) break ${name};`);
        // continue runs the update: it leaves the body's block.
        lines.push(`${name}c: {`, ...this.block(s.body, [...loops, { brk: name, cont: `break ${name}c` }]), '}');
        if (s.update !== null) {
          if (s.update.site !== undefined) lines.push(this.step(s.update.site));
          lines.push(`${s.update.code};`);
        }
        lines.push('}');
        break;
      }
      case 'do': {
        const name = `L${this.loopCount++}`;
        lines.push(`${name}: do {`, `${name}c: {`, ...this.block(s.body, [...loops, { brk: name, cont: `break ${name}c` }]), '}');
        if (s.site !== undefined) lines.push(this.step(s.site));
        lines.push(`} while (${s.test});`);
        break;
      }
      case 'break':
        lines.push(`break ${loops[loops.length - 1].brk};`);
        break;
      case 'continue':
        lines.push(`${loops[loops.length - 1].cont};`);
        break;
      case 'goto':
        lines.push(`{ pc = ${this.cases.get(s.label)}; continue dispatch; }`);
        break;
      case 'label':
        break;
    }
    return lines;
  }
}
