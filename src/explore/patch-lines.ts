// What exploration needs from the mapping: which steps the patch shows, on which document line,
// with which C text. A step the patch does not show has no line (-1).
import { mapPatch, MappingIndex, type PatchMapping } from '../mapping';
import { isModelledFile } from '../mapping/model-files';
import { FUNCTIONS, statementById, type Variant } from '../kernel/statements';
import type { Patch } from '../patch/model';

export class PatchLines {
  readonly mapping: PatchMapping;
  private readonly index: MappingIndex;
  /** Per variant: is a step shown (bound once, handed to every tracer). */
  readonly isShown: Readonly<Record<Variant, (stepId: string) => boolean>>;

  constructor(private readonly patch: Patch) {
    this.mapping = mapPatch(patch);
    this.index = new MappingIndex(this.mapping);
    this.isShown = {
      baseline: (stepId) => this.index.linesOfStep('baseline', stepId).length > 0,
      patched: (stepId) => this.index.linesOfStep('patched', stepId).length > 0,
    };
  }

  /** True when the patch has executable lines in a file the model implements. */
  get modelled(): boolean {
    return this.mapping.files.some((f) => f.modelled && f.mapped > 0);
  }

  /** The 0-based document line that shows a step in a variant, or -1. */
  lineOf(variant: Variant, stepId: string): number {
    return this.index.linesOfStep(variant, stepId)[0] ?? -1;
  }

  /**
   * The document line of the patch's header of the file that holds a model function (the first
   * modelled file's when the patch does not touch that one), or -1.
   */
  fileHeaderLineOf(fn: string): number {
    const cFile = (FUNCTIONS as Partial<Record<string, { readonly cFile: string | null }>>)[fn]?.cFile ?? undefined;
    const files = this.patch.mails.flatMap((mail) => mail.files);
    const file = files.find((f) => cFile !== undefined && (f.newPath === cFile || f.oldPath === cFile)) ?? files.find(isModelledFile);
    return file?.headerLine ?? -1;
  }

  /** The patch's C text of a document line (trimmed), or ''. */
  textOf(line: number): string {
    return this.index.line(line)?.text.trim() ?? '';
  }

  /** The innermost step of a call chain that the patch shows, else the innermost step. */
  shownStep(variant: Variant, chain: readonly string[]): string | undefined {
    for (let i = chain.length - 1; i >= 0; i--) if (this.isShown[variant](chain[i])) return chain[i];
    return chain[chain.length - 1];
  }

  /** `alloc_pid()`'s `out_free` for a step under a label, else the function: where a reader looks. */
  static placeOf(stepId: string): string {
    const [fn, second] = stepId.split('/');
    const label = second === undefined ? undefined : statementById(`${fn}/${second}`);
    return label?.kind === 'label' ? `${second} in ${fn}()` : `${fn}()`;
  }
}
