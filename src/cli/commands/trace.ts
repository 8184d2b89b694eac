// `kpr trace FILE --next N …`: runs one fork of the patch's code as written (an edited line runs
// as edited: src/interp/programs.ts), step by step, and prints each step with the patch line it
// executes (or the model location outside the patch), what changed, and
// the faults as they happen, then the outcome. Steps are formatted and written one at a time
// (each in constant time), so a long run streams in linear time.
import { integerFlag, parseArgs } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../command';
import { ChunkedOutput } from '../output';
import { readModelledPatchInput } from '../modelled-input';
import { readTextInput } from '../patch-input';
import { readScenarioJson, scenarioErrorText } from '../../kernel/scenario-input';
import { traceScenario, traceScenarioError, type TraceFlags } from '../trace-scenario';
import { mapPatch, MappingIndex } from '../../mapping';
import { loadCParser } from '../../c';
import { formatProblem } from '../../interp';
import { programsFor } from '../../interp/programs';
import { isVariant } from '../../kernel/statements';
import { outcomeChunks } from '../../kernel/outcome';
import { DebugRun, type FaultSite, type StepSiteRef } from '../../runtime';
import { formatFaultCause, formatValue } from '../../stepper/format';
import { describeChange } from '../../stepper/point';
import type { StepChange } from '../../stepper/recorder';
import { DEFAULT_MAX_STEPS, Session } from '../../stepper/session';

const USAGE = `Usage: kpr trace FILE [--next N] [--variant baseline|patched] [--depth D] [--scenario S]

Runs fork() on the code the patch shows, as written (an edited line runs as edited; what the
patch does not show comes from kpr's model), and prints every step: the patch line it executes
(document line and the patch's own C text) or, outside the patch, the model function that
implements it; the values
that changed; and each memory-safety fault on the line that commits it. Then the outcome.
At most ${DEFAULT_MAX_STEPS} steps are shown: past them the run goes on unrecorded, the trace says
so, and the outcome is still complete.

  --next N        write N to next_syscall_data before the fork
  --variant V     baseline (before the patch) or patched (default)
  --depth D       pid namespace level the fork runs in (default 0)
  --scenario S    a scenario JSON file, or - for standard input (see kpr simulate --help) giving
                  pid_max, namespaces, fail and ops; --next then writes N before its ops,
                  --variant/--depth override it

Examples:
  kpr trace patch.mbox --next 299
  kpr trace patch.mbox --next 299 --variant baseline
  kpr trace patch.mbox --scenario scenario.json | less
  echo '{"variant":"patched","ops":[{"op":"fork","repeat":3}]}' | kpr trace patch.mbox --scenario -`;

/** Pad of the step-number and line columns, where change and fault lines start. */
const DETAIL_PAD = ' '.repeat(14);

/** A change not worth a line: a void function's return (its value is unset). */
function isSilent(change: StepChange): boolean {
  return change.kind === 'return' && change.value.kind === 'unset';
}

function indentFor(depth: number): string {
  return '  '.repeat(Math.min(Math.max(0, depth - 1), 8));
}

function location(run: DebugRun, site: StepSiteRef): { line: string; text: string } {
  const at = run.locate(site);
  return at.kind === 'patch' ? { line: `L${at.line + 1}`, text: at.text } : { line: '', text: `(model: ${at.tsFile} ${at.tsSymbol})` };
}

/** The lines of step i: where it is, then what reaching the next point changed. */
function stepText(run: DebugRun, i: number): string {
  const session = run.session;
  const summary = session.summary(i);
  const frames = session.frames(i);
  const top = frames[frames.length - 1];
  const where = location(run, top);
  const indent = indentFor(summary.depth);
  let text = `${String(i).padStart(5)}  ${where.line.padEnd(6)} ${indent}${where.text}   [${top.stepId ?? `${top.fn}, as written`}]\n`;
  if (i + 1 >= session.length) return text;
  const delta = session.delta(i + 1);
  const pad = DETAIL_PAD + indent;
  // A local going back to unset (an op index between ops) is not a value worth printing.
  const locals = delta.changedLocals.filter((l) => l.value.kind !== 'unset').map((l) => `${l.name} = ${formatValue(l.value)}`);
  if (locals.length > 0) text += `${pad}→ ${locals.join(', ')}\n`;
  // Faults are printed on the line that commits them (faultText), not as changes.
  for (const change of session.changes(i + 1)) {
    if (change.kind === 'fault' || isSilent(change)) continue;
    text += `${pad}→ ${describeChange(change)}\n`;
  }
  return text;
}

function faultText(site: FaultSite, run: DebugRun): string {
  const at = location(run, site.site);
  return `${DETAIL_PAD}!! FAULT ${site.fault.kind} (fork ${site.fault.fork}) at ${at.line || 'model'} ${at.text} — ${formatFaultCause(site.fault.cause)}\n`;
}

function capNote(session: Session): string {
  return `recording capped at ${session.length} steps: the run went on unrecorded to its end; the last step shows its final state and the outcome is complete`;
}

/** Writes the whole trace: header, steps with their faults, the outcome. */
export async function writeTrace(session: Session, index: MappingIndex, out: ChunkedOutput): Promise<void> {
  const run = new DebugRun(session, index);
  const variant = run.variant;
  const sitesAt = new Map<number, FaultSite[]>();
  for (const site of run.allFaultSites()) sitesAt.set(site.pointIndex, [...(sitesAt.get(site.pointIndex) ?? []), site]);
  await out.write(`kpr trace: ${variant} variant, ${session.length} steps${session.truncated ? ` (${capNote(session)})` : ''}\n`);
  for (let i = 0; i < session.length; i++) {
    await out.write(stepText(run, i));
    for (const site of sitesAt.get(i) ?? []) await out.write(faultText(site, run));
  }
  if (session.truncated) await out.write(`\n${capNote(session)}\n`);
  await out.write('\nOutcome:\n');
  for (const chunk of outcomeChunks(session.outcome)) await out.write(chunk);
  await out.flush();
}

async function readFlags(parsed: ReturnType<typeof parseArgs>, file: string, io: CliIo): Promise<TraceFlags | number> {
  const variant = parsed.flags.get('variant');
  if (variant !== undefined && variant !== 'baseline' && variant !== 'patched') throw new UsageError(`--variant must be baseline or patched, got ${String(variant)}`);
  const flags = { next: integerFlag(parsed, 'next'), variant: variant as string | undefined, depth: integerFlag(parsed, 'depth') };
  const scenarioPath = parsed.flags.get('scenario');
  if (typeof scenarioPath !== 'string') return flags;
  if (scenarioPath === '-' && file === '-') throw new UsageError('FILE and --scenario cannot both be - (standard input is read once)');
  const name = `--scenario ${scenarioPath === '-' ? '- (standard input)' : scenarioPath}`;
  const read = await readTextInput('trace', scenarioPath, io, name);
  if (!read.ok) return read.exit;
  const json = readScenarioJson(read.text);
  if (!json.ok) {
    io.err(`kpr trace: ${scenarioErrorText(json.error, name)}\n`);
    return EXIT_USAGE;
  }
  return { ...flags, scenario: { json: json.json, name } };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, {
    next: { takesValue: true }, variant: { takesValue: true }, depth: { takesValue: true }, scenario: { takesValue: true },
  });
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one FILE, got ${parsed.positionals.length}`);
  const file = parsed.positionals[0];
  const flags = await readFlags(parsed, file, io);
  if (typeof flags === 'number') return flags;
  const input = await readModelledPatchInput('trace', file, io);
  if (!input.ok) return input.exit;
  const scenario = traceScenario(flags);
  const mapping = mapPatch(input.patch);
  const programs = programsFor(input.patch, await loadCParser(), mapping);
  const program = isVariant(scenario.variant) ? programs[scenario.variant] : undefined;
  if (program?.kind === 'refused') {
    // Like a compiler: the variant's text cannot run, nothing runs, one line per problem.
    for (const problem of program.problems) io.err(`${formatProblem(file, problem)}\n`);
    return EXIT_USAGE;
  }
  const result = Session.create(scenario, program === undefined ? {} : { code: program.code });
  if (!result.ok) {
    io.err(`kpr trace: ${traceScenarioError(result.errors[0], flags)}\n`);
    return EXIT_USAGE;
  }
  if (result.session.truncated) io.err(`kpr trace: ${capNote(result.session)}\n`);
  await writeTrace(result.session, new MappingIndex(mapping), new ChunkedOutput(io));
  return EXIT_OK;
}

export const traceCommand: CliCommand = {
  name: 'trace',
  summary: 'run one fork step by step and show each patch line it executes, with faults',
  usage: USAGE,
  run,
};
