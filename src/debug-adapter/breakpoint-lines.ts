// What a breakpoint on a patch document line means for one variant of the model: the steps it
// stops at, or why it can never stop (so the gutter shows it unverified, with the reason).
import type { Variant } from '../kernel/statements';
import type { MappingIndex } from '../mapping';

export type LineBreakpoint =
  | { readonly verified: true; readonly steps: readonly string[] }
  | { readonly verified: false; readonly message: string };

/** `line` is a 0-based document line. */
export function breakpointAtLine(index: MappingIndex, variant: Variant, line: number): LineBreakpoint {
  const steps = index.stepsAtLine(variant, line);
  if (steps.length > 0) return { verified: true, steps };
  const mapped = index.line(line);
  if (mapped === undefined) return { verified: false, message: 'not a code line of the patch (mail text, headers or a file header)' };
  const other: Variant = variant === 'patched' ? 'baseline' : 'patched';
  if (mapped.kind === '-' && variant === 'patched') return { verified: false, message: 'removed by the patch: the patched variant never runs it' };
  if (mapped.kind === '+' && variant === 'baseline') return { verified: false, message: 'added by the patch: the baseline variant never runs it' };
  switch (mapped.lineClass) {
    case 'comment':
      return { verified: false, message: 'comment' };
    case 'blank':
      return { verified: false, message: 'blank line' };
    case 'brace':
      return { verified: false, message: 'a brace: nothing runs here' };
    case 'declaration':
      return { verified: false, message: 'a declaration without an initializer: nothing runs here' };
    default:
      break;
  }
  if (index.stepsAtLine(other, line).length > 0) return { verified: false, message: `only the ${other} variant runs this line` };
  return { verified: false, message: 'the model has no step for this line (a function or file it does not implement)' };
}
