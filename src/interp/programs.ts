// What each variant of a patch runs — the one entry point every face asks (kpr simulate --patch,
// trace, explore, the debugger panel, the native debugger, the editor's findings): the model's own
// code when the variant's text is exactly the model's (model-text.ts: the fast path), the
// interpreter's program compiled from the text otherwise, or the problems that refuse it.
import type { CParser } from '../c';
import { MODEL_CODE, type KernelCode } from '../kernel/run';
import { VARIANTS, type Variant } from '../kernel/statements';
import { mapPatch, type PatchMapping } from '../mapping/map-patch';
import type { Patch } from '../patch/model';
import { isModelText } from './model-text';
import { compileVariant, type Program } from './program';
import type { Problem } from './problems';

export type VariantProgram =
  /** The text is the model's: the model runs it (as fast as fast mode goes). */
  | { readonly kind: 'model'; readonly code: KernelCode }
  /** The text differs from the model's: the interpreter runs it as written. */
  | { readonly kind: 'interpreted'; readonly code: KernelCode; readonly program: Program }
  /** The text cannot run (nothing of this variant runs). */
  | { readonly kind: 'refused'; readonly problems: readonly Problem[] };

export type PatchPrograms = Readonly<Record<Variant, VariantProgram>>;

/** Every variant of the patch, ready to run or refused (mapping: mapPatch(patch), if the caller has it). */
export function programsFor(patch: Patch, parser: CParser, mapping: PatchMapping = mapPatch(patch)): PatchPrograms {
  const programs = {} as Record<Variant, VariantProgram>;
  for (const variant of VARIANTS) programs[variant] = programOf(patch, mapping, variant, parser);
  return programs;
}

function programOf(patch: Patch, mapping: PatchMapping, variant: Variant, parser: CParser): VariantProgram {
  if (isModelText(patch, mapping, variant)) return { kind: 'model', code: MODEL_CODE };
  const compiled = compileVariant(patch, variant, parser);
  return compiled.ok ? { kind: 'interpreted', code: compiled.program.code, program: compiled.program } : { kind: 'refused', problems: compiled.problems };
}

/** The code a variant runs, or undefined when it is refused. */
export function codeOf(program: VariantProgram): KernelCode | undefined {
  return program.kind === 'refused' ? undefined : program.code;
}

