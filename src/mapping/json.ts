// The JSON form of a mapping for `kpr map --json` (document lines 1-based).
import type { Variant } from '../kernel/statements';
import type { LineMapping, PatchMapping } from './map-patch';

export interface LineMappingJson {
  readonly docLine: number;
  readonly kind: string;
  readonly class: string;
  readonly fn: string | null;
  /** The primary step: the patched one for post-image lines, else the baseline one. */
  readonly step: string | null;
  readonly steps: Readonly<Partial<Record<Variant, readonly string[]>>>;
  readonly unmappedReason?: string;
  /** Statements the interpreter runs on the line as written, per variant (0-based columns, end exclusive). */
  readonly interpreted?: LineMapping['interpreted'];
}

export function primaryStep(line: LineMapping): string | null {
  return line.steps.patched?.[0] ?? line.steps.baseline?.[0] ?? null;
}

export function mappingToJson(mapping: PatchMapping) {
  return {
    files: mapping.files.map((file) => ({
      path: file.path,
      modelled: file.modelled,
      executable: file.executable,
      mapped: file.mapped,
      coverage: file.executable === 0 ? null : file.mapped / file.executable,
      unmappedHunks: file.unmappedHunks.map((h) => ({ headerDocLine: h.headerLine + 1, reason: h.reason })),
      lines: file.lines.map((line): LineMappingJson => ({
        docLine: line.line + 1,
        kind: line.kind,
        class: line.lineClass,
        fn: line.fn ?? null,
        step: primaryStep(line),
        steps: line.steps,
        ...(line.unmappedReason ? { unmappedReason: line.unmappedReason } : {}),
        ...(line.interpreted ? { interpreted: line.interpreted } : {}),
      })),
    })),
  };
}
