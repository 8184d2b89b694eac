// The mapping of a patch as it runs: a line the model has no statement for (an edited or added
// line, `unmapped` to the mapping layer) is executable when the interpreter runs a statement on
// it in every variant that shows it; the line then carries those statements' column spans.
import type { Variant } from '../kernel/statements';
import type { FileMapping, LineMapping, PatchMapping } from '../mapping/map-patch';
import type { PatchPrograms } from './programs';

type Spans = { readonly start: number; readonly end: number }[];

function variantsOf(kind: LineMapping['kind']): Variant[] {
  return kind === '-' ? ['baseline'] : kind === '+' ? ['patched'] : ['baseline', 'patched'];
}

/** The statements each interpreted variant runs, by 0-based document line. */
function spansByLine(programs: PatchPrograms): Record<Variant, Map<number, Spans>> {
  const by: Record<Variant, Map<number, Spans>> = { baseline: new Map(), patched: new Map() };
  for (const variant of ['baseline', 'patched'] as const) {
    const program = programs[variant];
    if (program.kind !== 'interpreted') continue;
    for (const site of program.program.sites) {
      const spans = by[variant].get(site.span.line) ?? [];
      if (!spans.some((s) => s.start === site.span.start && s.end === site.span.end)) spans.push({ start: site.span.start, end: site.span.end });
      by[variant].set(site.span.line, spans);
    }
  }
  return by;
}

export function mappingAsWritten(mapping: PatchMapping, programs: PatchPrograms): PatchMapping {
  const spans = spansByLine(programs);
  return {
    files: mapping.files.map((file): FileMapping => {
      if (!file.modelled) return file;
      let added = 0;
      const lines = file.lines.map((line): LineMapping => {
        if (line.lineClass !== 'unmapped') return line;
        const interpreted: Partial<Record<Variant, Spans>> = {};
        for (const variant of variantsOf(line.kind)) {
          const found = spans[variant].get(line.line);
          if (found === undefined && line.steps[variant] === undefined) return line;
          if (found !== undefined) interpreted[variant] = found;
        }
        added++;
        const { unmappedReason: _reason, ...rest } = line;
        return { ...rest, lineClass: 'executable', interpreted };
      });
      return added === 0 ? file : { ...file, lines, mapped: file.mapped + added };
    }),
  };
}
