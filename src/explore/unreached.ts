// The patch's executable lines that no explored scenario ran, per variant. Statements the model
// marks unreachable are expected here; they get the reason no scenario can run them.
import { statementById, VARIANTS, type Variant } from '../kernel/statements';
import type { InterpretedSite } from '../kernel/tracer';
import type { PatchMapping } from '../mapping';

export interface Unreached {
  /** 0-based document line. */
  readonly line: number;
  readonly variant: Variant;
  readonly stepIds: readonly string[];
  /** Why no scenario can reach it, for statements unreachable by design; absent otherwise. */
  readonly reason?: string;
}

/** Why the model can never run a statement marked `reachable: false` (by step id). */
const BY_DESIGN: Readonly<Record<string, string>> = {
  'alloc_pidmap/kfree': 'runs only when another CPU installs the page between kzalloc() and the lock; the model runs one task',
  'alloc_pidmap_page/kfree': 'runs only when another CPU installs the page between kzalloc() and the lock; the model runs one task',
  'copy_process/pid_ns_prepare_proc': 'the CLONE_NEWPID branch: a scenario forks with fork(), which never passes CLONE_NEWPID',
  'copy_process/if-retval/goto': 'copy_thread() always succeeds in the model',
  'next_pidmap/entry': 'next_pidmap() serves /proc readdir; fork and exit never call it',
};

function reasonFor(stepIds: readonly string[]): string | undefined {
  if (!stepIds.every((id) => statementById(id)?.reachable === false)) return undefined;
  return BY_DESIGN[stepIds[0]] ?? 'the model marks this statement unreachable: no scenario can run it';
}

/** What one explored variant ran. A refused variant ran nothing: it has no coverage. */
export interface VariantCoverage {
  /** Every model step run. */
  readonly steps: ReadonlySet<string>;
  /** The document lines of the interpreted statements run. */
  readonly lines: ReadonlySet<number>;
  /** Every statement of the interpreted program, on the patch's lines (none when the model runs the variant). */
  readonly sites: readonly InterpretedSite[];
}

export function unreachedLines(mapping: PatchMapping, coverage: Partial<Record<Variant, VariantCoverage>>): Unreached[] {
  const out: Unreached[] = [];
  for (const variant of VARIANTS) {
    const ran = coverage[variant];
    if (ran === undefined) continue;
    // A line the interpreter runs is judged by its own line: an added line has no model step, and
    // an edited one may share its step with another line of the same text (two `return -EINVAL;`).
    const interpreted = new Set(ran.sites.map((site) => site.span.line));
    const stepsOf = new Map<number, readonly string[]>();
    for (const file of mapping.files) {
      if (!file.modelled) continue;
      for (const line of file.lines) if (line.lineClass === 'executable') stepsOf.set(line.line, line.steps[variant] ?? []);
    }
    for (const line of new Set([...stepsOf.keys(), ...interpreted])) {
      const steps = stepsOf.get(line) ?? [];
      const reached = interpreted.has(line) ? ran.lines.has(line) : steps.length === 0 || steps.some((id) => ran.steps.has(id));
      if (reached) continue;
      const reason = steps.length === 0 ? undefined : reasonFor(steps);
      out.push({ line, variant, stepIds: steps, ...(reason === undefined ? {} : { reason }) });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.variant.localeCompare(b.variant));
}
