// What compile.ts makes of a function body: a tree of statements in C's own structure (if, the
// loops, break/continue, goto and labels, return) whose expressions are JavaScript source
// over the function's locals (local(): one JavaScript variable per frame slot), each statement with the site it reports as its step. codegen.ts lays the
// tree out as structured JavaScript when it can (structured.ts), and otherwise lowers it here to a
// flat list of operations (eval / jump-if-false / jump-if-true / jump / return) run as a
// `switch (pc)` state machine. Both visit the same sites in the same order: the lowering is the
// reference for that order (program.ts lists a program's sites from it).
import type { SyntaxNode } from '../c';
import type { SiteRef } from './sites';

export interface Label {
  /** Its place in the lowered operations (set by lower()). */
  pc: number;
  /** Set once compile.ts has seen the label's statement (a second one is refused). */
  defined: boolean;
  readonly name?: string;
  /** Where the label is first named (a goto to a missing label is refused there). */
  readonly node?: SyntaxNode;
}

export function newLabel(name?: string, node?: SyntaxNode): Label {
  return { pc: -1, defined: false, name, node };
}

/** A local of the function (slot N of its frame) in the generated code: a JavaScript variable. */
export function local(slot: number): string {
  return `s${slot}`;
}

/** One statement of the tree; `site` is its step (none: it reports no step of its own). */
export type Stmt =
  | { readonly kind: 'eval'; readonly code: string; readonly site?: SiteRef }
  | { readonly kind: 'if'; readonly test: string; readonly site?: SiteRef; readonly then: readonly Stmt[]; readonly otherwise: readonly Stmt[] | null }
  /**
   * A for loop, or a while loop (no update). The initialiser is emitted before the loop; a missing
   * condition may still be a step (`test` null).
   */
  | {
    readonly kind: 'for';
    readonly test: string | null;
    readonly site?: SiteRef;
    readonly body: readonly Stmt[];
    readonly update: { readonly code: string; readonly site?: SiteRef } | null;
  }
  /** The `do` keyword's step is emitted before the loop; `site` is the `while (cond)`. */
  | { readonly kind: 'do'; readonly body: readonly Stmt[]; readonly test: string; readonly site?: SiteRef }
  | { readonly kind: 'break' | 'continue'; readonly site?: SiteRef }
  | { readonly kind: 'goto'; readonly label: Label; readonly site?: SiteRef }
  /** Where a label stands; its own step (if any) is the eval that follows it. */
  | { readonly kind: 'label'; readonly label: Label }
  | { readonly kind: 'ret'; readonly code: string | null; readonly site?: SiteRef };

/** One operation: expressions are JavaScript source (see compile.ts); `site` is its step. */
export type Op = (
  | { readonly kind: 'eval'; readonly code: string }
  | { readonly kind: 'jf'; readonly test: string; readonly to: Label }
  | { readonly kind: 'jt'; readonly test: string; readonly to: Label }
  | { readonly kind: 'jmp'; readonly to: Label }
  | { readonly kind: 'ret'; readonly code: string | null }
) & { readonly site?: SiteRef };

/** The tree as flat operations, loops lowered to condition / body / update / jump. */
export function lower(stmts: readonly Stmt[]): Op[] {
  const ops: Op[] = [];
  const loops: { brk: Label; cont: Label }[] = [];
  const bind = (label: Label): void => {
    label.pc = ops.length;
  };
  const loop = (body: readonly Stmt[], brk: Label, cont: Label): void => {
    loops.push({ brk, cont });
    visit(body);
    loops.pop();
  };
  const visit = (list: readonly Stmt[]): void => {
    for (const s of list) {
      switch (s.kind) {
        case 'eval':
        case 'ret':
          ops.push(s);
          break;
        case 'if': {
          const otherwise = newLabel();
          const end = newLabel();
          ops.push({ kind: 'jf', test: s.test, to: otherwise, site: s.site });
          visit(s.then);
          if (s.otherwise !== null) {
            ops.push({ kind: 'jmp', to: end });
            bind(otherwise);
            visit(s.otherwise);
            bind(end);
          } else {
            bind(otherwise);
          }
          break;
        }
        case 'for': {
          const cond = newLabel();
          const update = newLabel();
          const end = newLabel();
          bind(cond);
          if (s.test !== null) ops.push({ kind: 'jf', test: s.test, to: end, site: s.site });
          else if (s.site !== undefined) ops.push({ kind: 'eval', code: '0', site: s.site });
          loop(s.body, end, update);
          bind(update);
          if (s.update !== null) ops.push({ kind: 'eval', code: s.update.code, site: s.update.site });
          ops.push({ kind: 'jmp', to: cond });
          bind(end);
          break;
        }
        case 'do': {
          const top = newLabel();
          const cond = newLabel();
          const end = newLabel();
          bind(top);
          loop(s.body, end, cond);
          bind(cond);
          ops.push({ kind: 'jt', test: s.test, to: top, site: s.site });
          bind(end);
          break;
        }
        case 'break':
        case 'continue': {
          const target = loops[loops.length - 1];
          ops.push({ kind: 'jmp', to: s.kind === 'break' ? target.brk : target.cont, site: s.site });
          break;
        }
        case 'goto':
          ops.push({ kind: 'jmp', to: s.label, site: s.site });
          break;
        case 'label':
          bind(s.label);
          break;
      }
    }
  };
  visit(stmts);
  return ops;
}
