// The patch's executable lines that no explored scenario ran, per variant. Statements the model
// marks unreachable are expected here; they get the reason no scenario can run them.
import { statementById, type Variant } from '../kernel/statements';
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

export function unreachedLines(mapping: PatchMapping, executed: Readonly<Record<Variant, ReadonlySet<string>>>): Unreached[] {
  const out: Unreached[] = [];
  for (const file of mapping.files) {
    if (!file.modelled) continue;
    for (const line of file.lines) {
      if (line.lineClass !== 'executable') continue;
      for (const variant of ['baseline', 'patched'] as const) {
        const steps = line.steps[variant];
        if (steps === undefined || steps.length === 0 || steps.some((id) => executed[variant].has(id))) continue;
        const reason = reasonFor(steps);
        out.push({ line: line.line, variant, stepIds: steps, ...(reason === undefined ? {} : { reason }) });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line || a.variant.localeCompare(b.variant));
}
