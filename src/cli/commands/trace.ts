// `kpr trace FILE --next N …`: runs one fork in the model, step by step, and prints each step
// with the patch line it executes (or the model location outside the patch), what changed, and
// the faults as they happen, then the outcome.
import { readFileSync } from 'node:fs';
import { integerFlag, parseArgs } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../command';
import { readPatchInput } from '../patch-input';
import { mapPatch, MappingIndex } from '../../mapping';
import { formatScenarioError } from '../../kernel/scenario';
import { formatOutcome } from '../../kernel/outcome';
import { DebugRun, type FaultSite, type StepSiteRef } from '../../runtime';
import { describeChange } from '../../stepper/point';
import { Session } from '../../stepper/session';

const USAGE = `Usage: kpr trace FILE [--next N] [--variant baseline|patched] [--depth D] [--scenario S]

Runs fork() in the model and prints every step: the patch line it executes (document line and
the patch's own C text) or, outside the patch, the model function that implements it; the values
that changed; and each memory-safety fault on the line that commits it. Then the outcome.

  --next N        write N to next_syscall_data before the fork
  --variant V     baseline (before the patch) or patched (default)
  --depth D       pid namespace level the fork runs in (default 0)
  --scenario S    a scenario JSON file (see the scenario spec) giving pid_max, namespaces, fail
                  and ops; --next then writes N before its ops, --variant/--depth override it`;

interface TraceOptions {
  readonly next?: number;
  readonly variant?: string;
  readonly depth?: number;
  readonly scenario?: Record<string, unknown>;
}

/** The scenario JSON a trace runs: the given scenario (or one fork) with the flags applied. */
export function traceScenario(options: TraceOptions): Record<string, unknown> {
  const base: Record<string, unknown> = options.scenario ? { ...options.scenario } : { variant: 'patched', ops: [{ op: 'fork' }] };
  if (options.variant !== undefined) base.variant = options.variant;
  else if (base.variant === undefined) base.variant = 'patched';
  if (options.depth !== undefined) base.depth = options.depth;
  if (options.next !== undefined) {
    const ops = Array.isArray(base.ops) ? base.ops : [];
    base.ops = [{ op: 'set_next', value: options.next }, ...ops];
  }
  return base;
}

export function formatTrace(session: Session, index: MappingIndex): string {
  const run = new DebugRun(session, index);
  const variant = run.variant;
  const sitesAt = new Map<number, FaultSite[]>();
  for (const site of run.allFaultSites()) sitesAt.set(site.pointIndex, [...(sitesAt.get(site.pointIndex) ?? []), site]);
  const out: string[] = [`kpr trace: ${variant} variant, ${session.length} steps${session.truncated ? ' (recording capped)' : ''}`];
  for (let i = 0; i < session.length; i++) {
    const frames = session.frames(i);
    const top = frames[frames.length - 1];
    const stepId = top.stepId ?? top.fn;
    const where = location(run, top);
    const depth = Math.max(0, session.summary(i).depth - 1);
    out.push(`${String(i).padStart(5)}  ${where.line.padEnd(6)} ${'  '.repeat(Math.min(depth, 8))}${where.text}   [${stepId}]`);
    const pad = `${' '.repeat(14)}${'  '.repeat(Math.min(depth, 8))}`;
    if (i + 1 < session.length) {
      const next = session.point(i + 1);
      const changedLocals = next.stack.flatMap((frame) => frame.locals.filter((l) => l.changed).map((l) => `${l.name} = ${l.value}`));
      if (changedLocals.length > 0) out.push(`${pad}→ ${changedLocals.join(', ')}`);
      // Faults are printed below, on the line that commits them.
      for (const change of session.changes(i + 1)) if (change.kind !== 'fault') out.push(`${pad}→ ${describeChange(change)}`);
    }
    for (const site of sitesAt.get(i) ?? []) {
      const at = location(run, site.site);
      out.push(`${' '.repeat(14)}!! FAULT ${site.fault.kind} (fork ${site.fault.fork}) at ${at.line || 'model'} ${at.text} — ${site.fault.detail}`);
    }
  }
  out.push('', 'Outcome:', formatOutcome(session.outcome).trimEnd());
  return out.join('\n') + '\n';
}

function location(run: DebugRun, site: StepSiteRef): { line: string; text: string } {
  const at = run.locate(site);
  return at.kind === 'patch' ? { line: `L${at.line + 1}`, text: at.text } : { line: '', text: `(model: ${at.tsFile} ${at.tsSymbol})` };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    next: { takesValue: true }, variant: { takesValue: true }, depth: { takesValue: true }, scenario: { takesValue: true },
  });
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one FILE, got ${parsed.positionals.length}`);
  const variant = parsed.flags.get('variant');
  if (variant !== undefined && variant !== 'baseline' && variant !== 'patched') throw new UsageError(`--variant must be baseline or patched, got ${String(variant)}`);
  let scenario: Record<string, unknown> | undefined;
  const scenarioPath = parsed.flags.get('scenario');
  if (typeof scenarioPath === 'string') {
    try {
      const json: unknown = JSON.parse(readFileSync(scenarioPath, 'utf8'));
      if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('a scenario is a JSON object');
      scenario = json as Record<string, unknown>;
    } catch (error) {
      io.err(`kpr trace: --scenario ${scenarioPath}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
  }
  const input = await readPatchInput('trace', parsed.positionals[0], io);
  if (!input.ok) return EXIT_USAGE;
  const json = traceScenario({ next: integerFlag(parsed, 'next'), variant: variant as string | undefined, depth: integerFlag(parsed, 'depth'), scenario });
  const result = Session.create(json);
  if (!result.ok) {
    io.err(`kpr trace: ${formatScenarioError(result.errors[0])}\n`);
    return EXIT_USAGE;
  }
  io.out(formatTrace(result.session, new MappingIndex(mapPatch(input.patch))));
  return EXIT_OK;
}

export const traceCommand: CliCommand = {
  name: 'trace',
  summary: 'run one fork step by step and show each patch line it executes, with faults',
  usage: USAGE,
  run,
};
