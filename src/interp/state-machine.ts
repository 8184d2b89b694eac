// Lowered operations (ir.ts) as JavaScript: straight-line code, or a `for (;;) switch (pc)` over
// the jump targets when there are jumps. It runs any body, whatever its gotos; codegen.ts uses it
// when structured.ts cannot lay the body out (a label inside a block).
import { local, type Op } from './ir';
import { RET_SLOT } from './runtime';
import type { SiteRef } from './sites';

/**
 * The operations as a function body over its locals and `tr`; `step` gives a site's step
 * statement, `exit` leaves the body (after a return has set the return local).
 */
export function stateMachineBody(ops: readonly Op[], step: (site: SiteRef) => string, exit = 'return;'): string {
  const targets = new Set<number>();
  for (const op of ops) if (op.kind === 'jf' || op.kind === 'jt' || op.kind === 'jmp') targets.add(op.to.pc);
  const jumps = targets.size > 0;
  const lines: string[] = [];
  const go = (pc: number): string => (jumps ? `{ pc = ${pc}; continue; }` : '');
  ops.forEach((op, pc) => {
    if (jumps && targets.has(pc)) lines.push(`case ${pc}:`);
    if (op.site !== undefined) lines.push(step(op.site));
    switch (op.kind) {
      case 'eval':
        if (op.code !== '0') lines.push(`${op.code};`);
        break;
      case 'jf':
        lines.push(`if (!(${op.test})) ${go(op.to.pc)}`);
        break;
      case 'jt':
        lines.push(`if (${op.test}) ${go(op.to.pc)}`);
        break;
      case 'jmp':
        lines.push(go(op.to.pc));
        break;
      case 'ret':
        lines.push(op.code === null ? exit : `${local(RET_SLOT)} = ${op.code}; ${exit}`);
        break;
    }
  });
  lines.push(exit);
  if (!jumps) return lines.join('\n');
  // pc 0 is where a call starts, whether or not anything jumps there.
  if (!targets.has(0)) lines.unshift('case 0:');
  return `let pc = 0;\nfor (;;) switch (pc) {\n${lines.join('\n')}\ndefault: ${exit}\n}`;
}
